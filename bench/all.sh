#!/usr/bin/env bash
# Runs every Echos benchmark one after the other on fresh servers and prints one summary table.
#
#   bench/run.sh all            (about 30 minutes)
#   bench/run.sh all --quick    (about 8 minutes: shorter steps, fewer rates, 2,000 idle sockets; to try the setup,
#                                not for figures)
#
# Each run is bench/run.sh with the options below (so its own header lists the limits it raises and the CPU of every
# party; on top of those, the fan-out runs raise WS_MAX_OUTBOUND_QUEUE to 20,000 frames per socket); the results go to bench/results/<time>-all/<n>-<run>/, the table also to summary.md there. Start-up is
# bench/startup.sh. Quiet machine: each run first waits up to QUIET_WAIT s (default 120) for other processes to use
# under 0.3 cores, and the table shows what everything else used during each run anyway.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
QUICK=""
if [[ ${1:-} == --quick ]]; then QUICK=yes; shift; fi
if [[ $# -gt 0 ]]; then echo "usage: bench/run.sh all [--quick]" >&2; exit 2; fi
TEMURIN=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [[ -z "${SERVER_JAVA:-}" ]]; then
  if [[ -x $TEMURIN ]]; then SERVER_JAVA=$TEMURIN; else SERVER_JAVA=$(command -v java); fi
fi
export SERVER_JAVA
ALL_DIR=${ALL_DIR:-$BENCH_DIR/results/$(date -u +%Y%m%dT%H%M%SZ)-all}
mkdir -p "$ALL_DIR"

if [[ -n $QUICK ]]; then
  STEP=(--warmup 3 --step-seconds 4 --gap-seconds 2 --drain 5)
  RUNS=(
    "latency sqlite --pairs 20 --rate 200 --duration 5 --warmup 3 --drain 5"
    "throughput sqlite --pairs 20 --rates 200,400 --max-p99-ms 100 ${STEP[*]}"
    "throughput postgres --pairs 20 --rates 200,400 --max-p99-ms 100 ${STEP[*]}"
    "throughput sqlite --pairs 20 --send-over http --rates 200,400 --max-p99-ms 100 ${STEP[*]}"
    "fanout sqlite --members 100 --rates 20,40 --max-p99-ms 100 ${STEP[*]}"
    "fanout sqlite --members 1000 --rates 5,10 --max-p99-ms 100 ${STEP[*]}"
    "idle sqlite --sockets 2000 --users 20"
  )
  STARTUP_RUNS=2
else
  RUNS=(
    "latency sqlite --pairs 100 --rate 1000 --duration 30"
    "throughput sqlite --pairs 100 --rates 1000,2000,3000,4000,6000,8000,10000,15000 --max-p99-ms 100"
    "throughput postgres --pairs 100 --rates 1000,1500,2000,3000,5000,10000 --max-p99-ms 100"
    "throughput sqlite --pairs 100 --send-over http --rates 500,1000,2000,3000,5000 --max-p99-ms 100"
    "fanout sqlite --members 100 --rates 100,200,400,800,1200,1500 --max-p99-ms 100"
    "fanout sqlite --members 1000 --rates 10,20,50,100,150 --max-p99-ms 100"
    "idle sqlite --sockets 10000 --users 100"
  )
  STARTUP_RUNS=6
fi

DIRS=()
n=0
for r in "${RUNS[@]}"; do
  n=$((n + 1))
  read -r -a words <<<"$r"
  name="$n-${words[0]}-${words[1]}"
  if [[ ${words[0]} == fanout ]]; then name+="-${words[3]}"; fi
  if [[ " $r " == *" --send-over http "* ]]; then name+="-http-sends"; fi
  echo "==== [$n/$(( ${#RUNS[@]} + 1 ))] bench/run.sh $r"
  opts=()
  # a fixed, pre-touched heap so that RSS growth per socket is the sockets' and not the heap's (docs/performance.md)
  if [[ ${words[0]} == idle ]]; then opts=(SERVER_JAVA_OPTS="-Xms384m -Xmx384m -XX:+AlwaysPreTouch"); fi
  # 1,000 members connecting at once each get 999 presence frames; the default outbound limit (1,000 frames per
  # socket) closes a load generator that falls behind on them as a slow consumer
  if [[ ${words[0]} == fanout ]]; then opts=(WS_MAX_OUTBOUND_QUEUE=20000); fi
  env "${opts[@]}" RESULTS_DIR="$ALL_DIR/$name" "$BENCH_DIR/run.sh" "${words[@]}" || echo "==== run $name failed (rc $?); going on"
  DIRS+=("$ALL_DIR/$name")
done
n=$((n + 1))
name="$n-startup-sqlite"
mkdir -p "$ALL_DIR/$name"
echo "==== [$n/$n] bench/startup.sh $STARTUP_RUNS (JAVA=$SERVER_JAVA)"
JAVA=$SERVER_JAVA "$BENCH_DIR/startup.sh" "$STARTUP_RUNS" 2>&1 | tee "$ALL_DIR/$name/client.out" || echo "==== start-up runs failed; going on"
DIRS+=("$ALL_DIR/$name")

{
  echo "bench/run.sh all${QUICK:+ --quick} on $(nproc) cores, $(uname -sr), finished $(date -u +%Y-%m-%dT%H:%M:%SZ); server java: $("$SERVER_JAVA" -version 2>&1 | head -1)"
  echo
  "$SERVER_JAVA" -cp "$BENCH_DIR/target/echos-bench.jar:$BENCH_DIR/target/lib/*" echos.bench.Summary "${DIRS[@]}"
  echo
  echo "\"others\": CPU of everything else on the machine during the run (other users, the kernel); figures from a loaded"
  echo "machine are not figures of Echos. Each run's own output: $ALL_DIR/<run>/client.out"
} | tee "$ALL_DIR/summary.md"
