#!/usr/bin/env bash
# Runs one Echos benchmark against a fresh server, then stops it and cleans up.
#
#   bench/run.sh <latency|throughput|fanout|idle> [sqlite|postgres] [client options...]
#
# e.g.  bench/run.sh latency sqlite --rate 1000 --duration 60
#       bench/run.sh throughput postgres --rates 500,1000,2000
#
# Environment (all optional):
#   APP_DIR          server build to run (default: <repo>/target/quarkus-app; copy it elsewhere to pin a build)
#   SERVER_JAVA      java for the server (default: Temurin 25 if present, else java on PATH)
#   CLIENT_JAVA      java for the load generator (default: same as SERVER_JAVA)
#   SERVER_JAVA_OPTS extra JVM options for the server (default: none, i.e. JVM defaults)
#   CLIENT_JAVA_OPTS JVM options for the client (default: -Xmx1g)
#   PORT             server port (default: 5090, or the next free one)
#   WS_MAX_OUTBOUND_QUEUE  per-socket outbound frame limit (default: the server's default, 1000)
#   SQLITE_SYNCHRONOUS     SQLite synchronous pragma for the server (default: the server's default, FULL)
#   PG_URL_BASE      PostgreSQL base URL (default: postgres://postgres@127.0.0.1:5432)
#   RESULTS_DIR      where the client output and server log are kept (default: bench/results/<time>-<scenario>-<db>)
#   QUIET_WAIT       seconds to wait at most for the machine to be quiet (other processes < 0.3 cores over 5 s)
#                    before starting (default 120; 0 = start at once). The run starts anyway when the wait is over.
#
# Limits raised for every run (the defaults would throttle a benchmark): RATE_LIMIT_SIGNUPS_PER_IP=1000000,
# WS_SEND_BURST=1000000, WS_SEND_PER_SECOND=1000000, WS_IDLE_TIMEOUT=PT10M.
set -euo pipefail

SCENARIO=${1:-}
DB=sqlite
if [[ ${2:-} == sqlite || ${2:-} == postgres ]]; then DB=$2; shift; elif [[ -n ${2:-} && ${2:-} != --* ]]; then DB=$2; fi
case "$SCENARIO" in latency|throughput|fanout|idle) ;; *)
  echo "usage: bench/run.sh <latency|throughput|fanout|idle> [sqlite|postgres] [client options...]" >&2; exit 2 ;;
esac
case "$DB" in sqlite|postgres) ;; *) echo "database must be sqlite or postgres, got $DB" >&2; exit 2 ;; esac
shift $(( $# >= 1 ? 1 : 0 ))

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$BENCH_DIR/.." && pwd)
APP_DIR=${APP_DIR:-$REPO/target/quarkus-app}
TEMURIN=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [[ -z "${SERVER_JAVA:-}" ]]; then
  if [[ -x $TEMURIN ]]; then SERVER_JAVA=$TEMURIN; else SERVER_JAVA=$(command -v java); fi
fi
CLIENT_JAVA=${CLIENT_JAVA:-$SERVER_JAVA}
JCMD=$(dirname "$SERVER_JAVA")/jcmd
SERVER_JAVA_OPTS=${SERVER_JAVA_OPTS:-}
CLIENT_JAVA_OPTS=${CLIENT_JAVA_OPTS:--Xmx1g}
PG_URL_BASE=${PG_URL_BASE:-postgres://postgres@127.0.0.1:5432}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results/$STAMP-$SCENARIO-$DB}
mkdir -p "$RESULTS_DIR"

# --- build what is missing -------------------------------------------------------------------------
if [[ ! -f $BENCH_DIR/target/echos-bench.jar || -n $(find "$BENCH_DIR/src" "$BENCH_DIR/pom.xml" -newer "$BENCH_DIR/target/echos-bench.jar" -print -quit) ]]; then
  echo "== building the load generator"
  (cd "$REPO" && ./mvnw -q -f bench/pom.xml package)
fi
if [[ ! -f $APP_DIR/quarkus-run.jar ]]; then
  if [[ $APP_DIR == "$REPO/target/quarkus-app" ]]; then
    echo "== building the server (no web app)"
    (cd "$REPO" && ./mvnw -B -q -DskipTests -Dskip.npm package)
  else
    echo "no server build at $APP_DIR (quarkus-run.jar missing)" >&2; exit 2
  fi
fi

# --- CPU accounting: the machine is shared, so say how much CPU others used during the run ------------
busy_ticks() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat; }   # user nice system irq softirq steal
proc_ticks() { awk '{print $14+$15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local t=0 p; for p in $(pgrep -u postgres 2>/dev/null); do t=$((t + $(proc_ticks "$p"))); done; echo $t; }
HZ=$(getconf CLK_TCK)
QUIET_WAIT=${QUIET_WAIT:-120}
if (( QUIET_WAIT > 0 )); then
  waited=0
  while (( waited < QUIET_WAIT )); do
    b0=$(busy_ticks); sleep 5; b1=$(busy_ticks); waited=$((waited + 5))
    others=$(awk -v d=$((b1 - b0)) -v hz="$HZ" 'BEGIN {printf "%.2f", d / hz / 5}')
    if awk -v o="$others" 'BEGIN {exit !(o < 0.3)}'; then break; fi
    echo "== machine busy (others use $others cores); waiting for quiet ($waited/$QUIET_WAIT s)"
  done
fi

# --- pick a free port ------------------------------------------------------------------------------
port_busy() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }
PORT=${PORT:-5090}
for _ in $(seq 1 50); do port_busy "$PORT" || break; PORT=$((PORT + 1)); done
if port_busy "$PORT"; then echo "no free port found" >&2; exit 1; fi

# --- fresh storage -----------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/echos-bench-XXXXXX)
DB_NAME=""
SERVER_PID=""
cleanup() {
  set +e
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"                       # only the server this script started
    for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID"
  fi
  if [[ -f $WORK/server.log ]]; then cp "$WORK/server.log" "$RESULTS_DIR/server.log"; fi
  if [[ -n $DB_NAME ]]; then
    psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB_NAME" postgres >/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB_ENV=(DATA_DIR="$WORK/data")
if [[ $DB == postgres ]]; then
  DB_NAME="echos_bench_$(date +%s)_$$"
  psql -q -h 127.0.0.1 -U postgres -c "create database $DB_NAME" postgres
  DB_ENV+=(DATABASE_URL="$PG_URL_BASE/$DB_NAME")
fi

SERVER_ENV=(PORT="$PORT" HOST=127.0.0.1 "${DB_ENV[@]}"
  RATE_LIMIT_SIGNUPS_PER_IP=1000000 WS_SEND_BURST=1000000 WS_SEND_PER_SECOND=1000000 WS_IDLE_TIMEOUT=PT10M)
if [[ -n ${WS_MAX_OUTBOUND_QUEUE:-} ]]; then SERVER_ENV+=(WS_MAX_OUTBOUND_QUEUE="$WS_MAX_OUTBOUND_QUEUE"); fi
if [[ -n ${SQLITE_SYNCHRONOUS:-} ]]; then SERVER_ENV+=(SQLITE_SYNCHRONOUS="$SQLITE_SYNCHRONOUS"); fi

GC_LOG="-Xlog:gc:file=$RESULTS_DIR/server-gc.log:uptime"   # pauses only; explains latency outliers
# shellcheck disable=SC2086
SERVER_CMD="env ${SERVER_ENV[*]} $SERVER_JAVA $GC_LOG $SERVER_JAVA_OPTS -jar $APP_DIR/quarkus-run.jar"
# shellcheck disable=SC2086
CLIENT_CMD="$CLIENT_JAVA $CLIENT_JAVA_OPTS -cp $BENCH_DIR/target/echos-bench.jar:$BENCH_DIR/target/lib/* echos.bench.Main $SCENARIO --port $PORT --db $DB"

{
  echo "== bench/run.sh $SCENARIO $DB $*"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load avg $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "server:  $("$SERVER_JAVA" -version 2>&1 | head -1) ($SERVER_JAVA), app $APP_DIR"
  echo "client:  $("$CLIENT_JAVA" -version 2>&1 | head -1) ($CLIENT_JAVA)"
  echo "server command: $SERVER_CMD"
} | tee "$RESULTS_DIR/client.out"

# shellcheck disable=SC2086
env "${SERVER_ENV[@]}" "$SERVER_JAVA" "$GC_LOG" $SERVER_JAVA_OPTS -jar "$APP_DIR/quarkus-run.jar" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

ready=""
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 0.5
done
if [[ -z $ready ]]; then
  echo "server did not become ready; log:" >&2; tail -30 "$WORK/server.log" >&2; exit 1
fi
echo "server pid $SERVER_PID ready on port $PORT, RSS $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVER_PID/status)" | tee -a "$RESULTS_DIR/client.out"

EXTRA=()
if [[ $SCENARIO == idle ]]; then EXTRA=(--server-pid "$SERVER_PID" --jcmd "$JCMD"); fi
echo "client command: $CLIENT_CMD ${EXTRA[*]} $*" | tee -a "$RESULTS_DIR/client.out"
BUSY0=$(busy_ticks); SRV0=$(proc_ticks "$SERVER_PID"); PG0=$(pg_ticks); T0=$(date +%s.%N)
set +e
# shellcheck disable=SC2086
timeout 600 "$CLIENT_JAVA" $CLIENT_JAVA_OPTS -cp "$BENCH_DIR/target/echos-bench.jar:$BENCH_DIR/target/lib/*" echos.bench.Main \
  "$SCENARIO" --port "$PORT" --db "$DB" "${EXTRA[@]}" "$@" 2>&1 | tee -a "$RESULTS_DIR/client.out"
rc=${PIPESTATUS[0]}
set -e
BUSY1=$(busy_ticks); SRV1=$(proc_ticks "$SERVER_PID"); PG1=$(pg_ticks); T1=$(date +%s.%N)
CLIENT_CPU=$(sed -n 's/^CLIENT_CPU_SECONDS //p' "$RESULTS_DIR/client.out" | tail -1)

{
  awk -v b=$((BUSY1 - BUSY0)) -v s=$((SRV1 - SRV0)) -v pg=$((PG1 - PG0)) -v c="${CLIENT_CPU:-0}" -v t0="$T0" -v t1="$T1" -v hz="$HZ" -v n="$(nproc)" 'BEGIN {
    w = t1 - t0; printf "== CPU during the client run (%.0f s wall, %d cores = %.0f core-s): server %.1f core-s (%.2f cores), client %.1f core-s (%.2f cores), PostgreSQL processes %.1f core-s (%.2f cores), everything else (other users of the machine, kernel) %.1f core-s (%.2f cores)\n",
      w, n, n * w, s / hz, s / hz / w, c, c / w, pg / hz, pg / hz / w, b / hz - s / hz - c - pg / hz, (b / hz - s / hz - c - pg / hz) / w }'
  awk '/Pause/ && / [0-9.]+ms$/ { ms = $NF; sub(/ms$/, "", ms); ms += 0; n++; t += ms; if (ms > m) m = ms }
       END { printf "== server GC pauses over the whole server life: %d, total %.0f ms, longest %.1f ms (server-gc.log)\n", n, t, m }' "$RESULTS_DIR/server-gc.log"
  echo "== load avg at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== server: RSS at end $(awk '/VmRSS/ {print $2, $3}' /proc/$SERVER_PID/status 2>/dev/null), CPU time $(ps -o cputime= -p "$SERVER_PID" 2>/dev/null)"
  echo "== server log: $(grep -c ' ERROR ' "$WORK/server.log" || true) ERROR, $(grep -c ' WARN ' "$WORK/server.log" || true) WARN lines, $(grep -c 'socket_slow_consumer' "$WORK/server.log" || true) slow-consumer closes"
  grep -E ' (ERROR|WARN) |slow_consumer' "$WORK/server.log" | cut -d' ' -f3- | sed -E 's/\([^)]*\)//; s/user=[^ ]+//; s/connection=[^ ]+//' | cut -c1-200 | sort | uniq -c | sort -rn | head -15 || true
  echo "== results kept in $RESULTS_DIR (client.out, server.log)"
} | tee -a "$RESULTS_DIR/client.out"
exit "$rc"
