# Shared by bench/run.sh and bench/startup.sh (sourced, not run).

HZ=$(getconf CLK_TCK)
busy_ticks() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat; }   # user nice system irq softirq steal
proc_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

# cores the whole machine used over the next 5 s (called before the server starts or after it stops: all "others")
others_over_5s() {
  local b0 b1
  b0=$(busy_ticks); sleep 5; b1=$(busy_ticks)
  awk -v d=$((b1 - b0)) -v hz="$HZ" 'BEGIN {printf "%.2f", d / hz / 5}'
}

# waits at most $1 seconds for the machine to be quiet (everything running < 0.3 cores over 5 s); 0 = no wait
wait_for_quiet() {
  local limit=$1 waited=0 others
  while (( waited < limit )); do
    others=$(others_over_5s); waited=$((waited + 5))
    if awk -v o="$others" 'BEGIN {exit !(o < 0.3)}'; then return; fi
    echo "== machine busy (others use $others cores); waiting for quiet ($waited/$limit s)"
  done
}

port_busy() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }
free_port_from() {
  local p=$1
  for _ in $(seq 1 100); do port_busy "$p" || { echo "$p"; return; }; p=$((p + 1)); done
  echo "no free port found from $1" >&2; exit 1
}
