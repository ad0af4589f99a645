#!/usr/bin/env bash
# Measures start-up: process start -> GET /q/health/ready answers 200, on an existing SQLite data dir.
#
#   bench/startup.sh [runs]            (default 6 runs)
#
# e.g.  bench/startup.sh
#       JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/startup.sh 10
#       JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java JAVA_OPTS=-XX:AOTCache=app.aot bench/startup.sh
#       JAVA_OPTS=-XX:SharedArchiveFile=app-cds.jsa bench/startup.sh       (after ./mvnw package -Paot on JDK 17)
#
# The first start (not counted) creates the data dir: the SQLite database, the Flyway migrations, the JWT secret.
# Then each run starts `java $JAVA_OPTS -jar quarkus-run.jar` from APP_DIR (so relative paths in JAVA_OPTS are
# relative to it) on that data dir, polls the readiness endpoint every ~10 ms until it answers 200, and stops the
# process it started (by pid). Only 127.0.0.1 is contacted. Figures: milliseconds from fork to the first 200.
#
# Environment (all optional):
#   APP_DIR     server build to run (default: <repo>/target/quarkus-app)
#   JAVA        java to run it with (default: java on PATH)
#   JAVA_OPTS   extra JVM options (default: none)
#   PORT        first port to try (default: 5190, or the next free one)
#   QUIET_WAIT  seconds to wait at most for the machine to be quiet (other processes < 0.3 cores over 5 s)
#               before measuring (default 60; 0 = start at once). The runs start anyway when the wait is over.
set -euo pipefail

RUNS=${1:-6}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "usage: bench/startup.sh [runs]" >&2; exit 2; }
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
APP_DIR=${APP_DIR:-$REPO/target/quarkus-app}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}
QUIET_WAIT=${QUIET_WAIT:-60}
[[ -f $APP_DIR/quarkus-run.jar ]] || { echo "no server build at $APP_DIR (quarkus-run.jar missing); run ./mvnw package -DskipTests" >&2; exit 2; }
APP_DIR=$(cd "$APP_DIR" && pwd)
JAVA=$(command -v "$JAVA") || { echo "no java at ${JAVA}" >&2; exit 2; }

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
wait_for_quiet "$QUIET_WAIT"

PORT=$(free_port_from "${PORT:-5190}")

WORK=$(mktemp -d /tmp/echos-startup-XXXXXX)
PID=""
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"                                # only the process this script started
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() { set +e; [[ -n $PID ]] && stop_pid "$PID"; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# no process per poll (curl every 10 ms would take a good part of one of two cores from the server it measures):
# the clock is bash's own, the request goes through bash's /dev/tcp, the pause is a read timeout on an idle pipe
alive() { local st; read -r st <"/proc/$1/stat" 2>/dev/null || return 1; [[ $st != *") Z "* ]]; }   # kill -0 holds for a zombie
now_ms() { local t=${EPOCHREALTIME/./}; NOW=$(( t / 1000 )); }   # sets NOW (no subshell)
exec {IDLE_FD}<> <(:)
pause() { read -r -t "$1" -u "$IDLE_FD" _ || true; }
ready_status() {   # sets STATUS to the status line of GET /q/health/ready, empty when nobody listens yet
  local line=""
  if { exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"; } 2>/dev/null; then
    printf 'GET /q/health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&"$fd" 2>/dev/null || true
    read -r -t 2 -u "$fd" line || true
    exec {fd}<&-
  fi
  STATUS=$line
}
# one start: sets PID and READY_MS (milliseconds from fork to the first 200); runs in this shell, not a $(...)
# subshell, so that PID is the server's and the caller can stop it
start_and_wait() {
  local log=$1 t0
  READY_MS=""
  for _ in $(seq 1 100); do port_busy "$PORT" || break; sleep 0.1; done
  if port_busy "$PORT"; then echo "port $PORT still in use" >&2; return 1; fi
  now_ms; t0=$NOW
  # a clean environment for storage: an inherited DATABASE_URL/MONGO_URI/REDIS_URL would measure another set-up
  # shellcheck disable=SC2086
  # from APP_DIR, as a cache is recorded: the AOT cache and the CDS archive only match the class path they were made with
  (cd "$APP_DIR" && exec env -u DATABASE_URL -u MONGO_URI -u MONGODB_URI -u REDIS_URL -u JWT_SECRET \
    PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$WORK/data" "$JAVA" $JAVA_OPTS -jar quarkus-run.jar >"$log" 2>&1) &
  PID=$!   # the subshell execs env, which execs java: the same pid
  while :; do
    if ! alive "$PID"; then
      wait "$PID"; echo "the server exited (status $?) before it was ready; log:" >&2; tail -30 "$log" >&2; PID=""; return 1
    fi
    ready_status; now_ms
    if [[ $STATUS == "HTTP/1.1 200"* ]]; then READY_MS=$(( NOW - t0 )); return 0; fi
    if (( NOW - t0 > 60000 )); then echo "not ready after 60 s (last answer: ${STATUS:-none}); log:" >&2; tail -30 "$log" >&2; return 1; fi
    pause 0.01
  done
}

echo "== bench/startup.sh, $RUNS runs"
echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores, $(uname -sr); uptime: $(uptime)"
echo "java:    $("$JAVA" -version 2>&1 | head -1) ($JAVA)"
echo "command: cd $APP_DIR && env PORT=$PORT HOST=127.0.0.1 DATA_DIR=<dir> $JAVA $JAVA_OPTS -jar quarkus-run.jar"

start_and_wait "$WORK/first.log"
stop_pid "$PID"; PID=""
echo "first start (creates the data dir, not counted): $READY_MS ms"

TIMES=()
for i in $(seq 1 "$RUNS"); do
  b0=$(busy_ticks)
  start_and_wait "$WORK/run$i.log"; ms=$READY_MS
  b1=$(busy_ticks); srv=$(proc_ticks "$PID")
  quarkus=$(grep -o 'started in [0-9.]*s' "$WORK/run$i.log" | head -1 || true)
  # CPU of everything but this server while it started (this script's polling included, about 0.05 cores)
  others=$(awk -v b=$((b1 - b0)) -v s="$srv" -v ms="$ms" -v hz="$HZ" 'BEGIN {printf "%.2f", (b - s) / hz / (ms / 1000)}')
  printf 'run %d: %5d ms  (Quarkus: %s; server CPU %.2f s; others %s cores)\n' "$i" "$ms" "${quarkus:-no start line}" \
    "$(awk -v s="$srv" -v hz="$HZ" 'BEGIN {print s / hz}')" "$others"
  TIMES+=("$ms")
  stop_pid "$PID"; PID=""
  pause 0.5
done

sorted=$(printf '%s\n' "${TIMES[@]}" | sort -n)
min=$(echo "$sorted" | head -1)
median=$(echo "$sorted" | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "== start to ready: median $median ms, min $min ms over $RUNS runs"
echo "== after: uptime: $(uptime); others use $(others_over_5s) cores (5 s sample, this script idle)"
