#!/usr/bin/env bash
# Runs one Echos benchmark against a fresh server, then stops it and cleans up.
#
#   bench/run.sh <latency|throughput|fanout|idle> [sqlite|postgres|mongo] [client options...]
#   bench/run.sh all [--quick]     every benchmark in turn and one summary table (bench/all.sh)
#   (mongo: Echos on MONGO_URI against an in-memory mongo-java-server stand-in this script starts; figures are of
#   that stand-in, not of a real MongoDB, which cannot be installed here)
#
# e.g.  bench/run.sh latency sqlite --rate 1000 --duration 60
#       bench/run.sh throughput postgres --rates 500,1000,2000
#       bench/run.sh throughput sqlite --transport socketio --rates 500,1000
#
# --transport ws|socketio (a client option, default ws): the sockets are Echos' own /ws (token in an Authorization
# header, Echos JSON frames), or the Socket.IO endpoint over a WebSocket only (/socket.io/?EIO=4&transport=websocket:
# CONNECT with auth.token, every frame a 42["type",data] event, the server's pings answered). Same scenarios, same
# figures; the transport is named in the header, the results directory (...-socketio) and the summary.
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
#   CLUSTER_NODES    run N Echos nodes (PostgreSQL only) sharing the running Redis (REDIS_URL, default
#                    redis://127.0.0.1:6379, under a fresh REDIS_PREFIX) behind a plain-HTTP HAProxy that the client
#                    talks to (roundrobin, so sockets and requests spread over the nodes). Unset: one server, no Redis,
#                    no proxy. CLUSTER_NODES=1 is the same path with one node, to separate the cost of Redis + proxy
#                    from the cost of more nodes.
#
# Limits raised for every run (the defaults would throttle a benchmark): RATE_LIMIT_SIGNUPS_PER_IP=1000000,
# WS_SEND_BURST=1000000, WS_SEND_PER_SECOND=1000000, WS_IDLE_TIMEOUT=PT10M, WS_MAX_SOCKETS_PER_ACCOUNT=1000000 (the idle
# scenario opens 100 sockets per user; the default cap of 20 would close 80 of them).
set -euo pipefail

if [[ ${1:-} == all ]]; then exec "$(dirname "$0")/all.sh" "${@:2}"; fi
SCENARIO=${1:-}
DB=sqlite
if [[ ${2:-} == sqlite || ${2:-} == postgres || ${2:-} == mongo ]]; then DB=$2; shift; elif [[ -n ${2:-} && ${2:-} != --* ]]; then DB=$2; fi
case "$SCENARIO" in latency|throughput|fanout|idle) ;; *)
  echo "usage: bench/run.sh <latency|throughput|fanout|idle|all> [sqlite|postgres|mongo] [client options...]" >&2; exit 2 ;;
esac
case "$DB" in sqlite|postgres|mongo) ;; *) echo "database must be sqlite, postgres or mongo, got $DB" >&2; exit 2 ;; esac
CLUSTER_NODES=${CLUSTER_NODES:-}
if [[ -n $CLUSTER_NODES ]]; then
  if [[ $DB != postgres ]]; then echo "CLUSTER_NODES needs the postgres database" >&2; exit 2; fi
  if [[ $SCENARIO == idle ]]; then echo "the idle scenario measures one server; run it without CLUSTER_NODES" >&2; exit 2; fi
  command -v haproxy >/dev/null || { echo "CLUSTER_NODES needs haproxy (apt-get install haproxy)" >&2; exit 2; }
fi
shift $(( $# >= 1 ? 1 : 0 ))
TRANSPORT=ws   # only to name it; the client reads --transport itself
prev=""
for a in "$@"; do
  if [[ $prev == --transport ]]; then TRANSPORT=$a; fi
  if [[ $a == --transport=* ]]; then TRANSPORT=${a#--transport=}; fi
  prev=$a
done
case "$TRANSPORT" in ws|socketio) ;; *) echo "--transport must be ws or socketio, got $TRANSPORT" >&2; exit 2 ;; esac

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
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results/$STAMP-$SCENARIO-$DB${CLUSTER_NODES:+-${CLUSTER_NODES}nodes}$([[ $TRANSPORT == ws ]] || echo "-$TRANSPORT")}
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
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
pg_ticks() { local t=0 p; for p in $(pgrep -u postgres 2>/dev/null); do t=$((t + $(proc_ticks "$p"))); done; echo $t; }
QUIET_WAIT=${QUIET_WAIT:-120}
wait_for_quiet "$QUIET_WAIT"

# --- pick free ports ----------------------------------------------------------------------------------
NODE_COUNT=${CLUSTER_NODES:-1}
PORTS=()
next=${PORT:-5090}
for _ in $(seq 1 "$NODE_COUNT"); do p=$(free_port_from "$next"); PORTS+=("$p"); next=$((p + 1)); done
if [[ -n $CLUSTER_NODES ]]; then CLIENT_PORT=$(free_port_from "$next"); else CLIENT_PORT=${PORTS[0]}; fi

# --- fresh storage -----------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/echos-bench-XXXXXX)
DB_NAME=""
SERVER_PIDS=()
HAPROXY_PID=""
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
REDIS_PREFIX="echos-bench-$$"
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid"                                # only processes this script started
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  set +e
  [[ -n $HAPROXY_PID ]] && stop_pid "$HAPROXY_PID"
  [[ -n ${MONGO_PID:-} ]] && stop_pid "$MONGO_PID"
  for pid in "${SERVER_PIDS[@]}"; do stop_pid "$pid"; done
  for i in "${!PORTS[@]}"; do
    [[ -f $WORK/server$i.log ]] && cp "$WORK/server$i.log" "$RESULTS_DIR/server${CLUSTER_NODES:+$((i + 1))}.log"
  done
  [[ -f $WORK/haproxy.log ]] && cp "$WORK/haproxy.log" "$WORK/haproxy.cfg" "$RESULTS_DIR/"
  if [[ -n $DB_NAME ]]; then
    psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $DB_NAME" postgres >/dev/null
  fi
  if [[ -n $CLUSTER_NODES ]]; then
    redis-cli -u "$REDIS_URL" --scan --pattern "$REDIS_PREFIX:*" | xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DB_ENV=()
if [[ $DB == postgres ]]; then
  DB_NAME="echos_bench_$(date +%s)_$$"
  psql -q -h 127.0.0.1 -U postgres -c "create database $DB_NAME" postgres
  DB_ENV+=(DATABASE_URL="$PG_URL_BASE/$DB_NAME")
fi
if [[ $DB == mongo ]]; then
  MONGO_PORT=$(free_port_from 27100)
  # shellcheck disable=SC2086
  "$CLIENT_JAVA" -Xmx4g -cp "$BENCH_DIR/target/echos-bench.jar:$BENCH_DIR/target/lib/*" echos.bench.MongoStandIn "$MONGO_PORT" >"$WORK/mongo.log" 2>&1 &
  MONGO_PID=$!
  for _ in $(seq 1 100); do port_busy "$MONGO_PORT" && break; sleep 0.1; done
  DB_ENV+=(MONGO_URI="mongodb://127.0.0.1:$MONGO_PORT/echos_bench")
fi
if [[ -n $CLUSTER_NODES ]]; then
  DB_ENV+=(REDIS_URL="$REDIS_URL" REDIS_PREFIX="$REDIS_PREFIX" JWT_SECRET="bench-secret-$(head -c 24 /dev/urandom | base64)" MEDIA_DIR="$WORK/media" TRUST_PROXY=true)
fi

COMMON_ENV=(HOST=127.0.0.1 "${DB_ENV[@]}"
  RATE_LIMIT_SIGNUPS_PER_IP=1000000 WS_SEND_BURST=1000000 WS_SEND_PER_SECOND=1000000 WS_IDLE_TIMEOUT=PT10M
  WS_MAX_SOCKETS_PER_ACCOUNT=1000000)
if [[ -n ${WS_MAX_OUTBOUND_QUEUE:-} ]]; then COMMON_ENV+=(WS_MAX_OUTBOUND_QUEUE="$WS_MAX_OUTBOUND_QUEUE"); fi
if [[ -n ${SQLITE_SYNCHRONOUS:-} ]]; then COMMON_ENV+=(SQLITE_SYNCHRONOUS="$SQLITE_SYNCHRONOUS"); fi

gc_log() { echo "-Xlog:gc:file=$RESULTS_DIR/server${CLUSTER_NODES:+$(($1 + 1))}-gc.log:uptime"; }   # pauses only; explains latency outliers
# shellcheck disable=SC2086
SERVER_CMD="env PORT=<port> DATA_DIR=<dir> ${COMMON_ENV[*]} $SERVER_JAVA -Xlog:gc:file=... $SERVER_JAVA_OPTS -jar $APP_DIR/quarkus-run.jar"
# shellcheck disable=SC2086
CLIENT_CMD="$CLIENT_JAVA $CLIENT_JAVA_OPTS -cp $BENCH_DIR/target/echos-bench.jar:$BENCH_DIR/target/lib/* echos.bench.Main $SCENARIO --port $CLIENT_PORT --db $DB"

{
  echo "== bench/run.sh $SCENARIO $DB $*${CLUSTER_NODES:+ (CLUSTER_NODES=$CLUSTER_NODES)}"
  echo "transport: $TRANSPORT ($([[ $TRANSPORT == ws ]] && echo "/ws" || echo "/socket.io/?EIO=4&transport=websocket"))"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load avg $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "server:  $("$SERVER_JAVA" -version 2>&1 | head -1) ($SERVER_JAVA), app $APP_DIR"
  echo "client:  $("$CLIENT_JAVA" -version 2>&1 | head -1) ($CLIENT_JAVA)"
  if [[ -n $CLUSTER_NODES ]]; then
    echo "cluster: $CLUSTER_NODES node(s) on ports ${PORTS[*]}, Redis $REDIS_URL prefix $REDIS_PREFIX ($(redis-server --version | cut -d' ' -f3)), $(haproxy -v | head -1 | cut -d' ' -f1-3) on $CLIENT_PORT (plain HTTP)"
  fi
  echo "server command: $SERVER_CMD"
} | tee "$RESULTS_DIR/client.out"

for i in "${!PORTS[@]}"; do
  # shellcheck disable=SC2086
  env PORT="${PORTS[$i]}" DATA_DIR="$WORK/data$i" "${COMMON_ENV[@]}" "$SERVER_JAVA" "$(gc_log "$i")" $SERVER_JAVA_OPTS \
    -jar "$APP_DIR/quarkus-run.jar" >"$WORK/server$i.log" 2>&1 &
  SERVER_PIDS+=($!)
  if [[ $i == 0 && -n $CLUSTER_NODES ]]; then sleep 3; fi   # the first node migrates the fresh database alone
done

for i in "${!PORTS[@]}"; do
  ready=""
  for _ in $(seq 1 120); do
    if ! kill -0 "${SERVER_PIDS[$i]}" 2>/dev/null; then break; fi
    if curl -fs "http://127.0.0.1:${PORTS[$i]}/q/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
    sleep 0.5
  done
  if [[ -z $ready ]]; then
    echo "server on port ${PORTS[$i]} did not become ready; log:" >&2; tail -30 "$WORK/server$i.log" >&2; exit 1
  fi
  echo "server pid ${SERVER_PIDS[$i]} ready on port ${PORTS[$i]}, RSS $(awk '/VmRSS/ {print $2, $3}' /proc/${SERVER_PIDS[$i]}/status)" | tee -a "$RESULTS_DIR/client.out"
done

if [[ -n $CLUSTER_NODES ]]; then
  {
    echo "global"
    echo "    maxconn 9000"   # two descriptors per proxied connection; a process may hold ~20,000 here
    echo "defaults"
    echo "    mode http"
    echo "    option forwardfor"
    echo "    option http-server-close"
    echo "    timeout connect 2s"
    echo "    timeout client 60s"
    echo "    timeout server 60s"
    echo "    timeout tunnel 1h"
    echo "frontend bench"
    echo "    bind 127.0.0.1:$CLIENT_PORT"
    echo "    default_backend nodes"
    echo "backend nodes"
    echo "    balance roundrobin"
    for i in "${!PORTS[@]}"; do echo "    server node$((i + 1)) 127.0.0.1:${PORTS[$i]}"; done
  } >"$WORK/haproxy.cfg"
  haproxy -f "$WORK/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
  HAPROXY_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$CLIENT_PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  if ! kill -0 "$HAPROXY_PID" 2>/dev/null; then echo "haproxy did not start:" >&2; cat "$WORK/haproxy.log" >&2; exit 1; fi
  echo "haproxy pid $HAPROXY_PID on port $CLIENT_PORT in front of ${#PORTS[@]} node(s)" | tee -a "$RESULTS_DIR/client.out"
fi

EXTRA=()
if [[ $SCENARIO == idle ]]; then EXTRA=(--server-pid "${SERVER_PIDS[0]}" --jcmd "$JCMD"); fi
echo "client command: $CLIENT_CMD ${EXTRA[*]} $*" | tee -a "$RESULTS_DIR/client.out"
servers_ticks() { local t=0 pid; for pid in "${SERVER_PIDS[@]}"; do t=$((t + $(proc_ticks "$pid"))); done; echo $t; }
pids_ticks() { local t=0 pid; for pid in $(pgrep -x "$1" 2>/dev/null); do t=$((t + $(proc_ticks "$pid"))); done; echo $t; }
MONGO_PID=${MONGO_PID:-}
BUSY0=$(busy_ticks); MG0=$( [[ -n $MONGO_PID ]] && proc_ticks "$MONGO_PID" || echo 0 ); SRV0=$(servers_ticks); PG0=$(pg_ticks); RD0=$(pids_ticks redis-server); HA0=$(pids_ticks haproxy); T0=$(date +%s.%N)
SRVEACH0=(); for pid in "${SERVER_PIDS[@]}"; do SRVEACH0+=("$(proc_ticks "$pid")"); done
set +e
# shellcheck disable=SC2086
timeout 600 "$CLIENT_JAVA" $CLIENT_JAVA_OPTS -cp "$BENCH_DIR/target/echos-bench.jar:$BENCH_DIR/target/lib/*" echos.bench.Main \
  "$SCENARIO" --port "$CLIENT_PORT" --db "$DB" "${EXTRA[@]}" "$@" 2>&1 | tee -a "$RESULTS_DIR/client.out"
rc=${PIPESTATUS[0]}
set -e
BUSY1=$(busy_ticks); MG1=$( [[ -n $MONGO_PID ]] && proc_ticks "$MONGO_PID" || echo 0 ); SRV1=$(servers_ticks); PG1=$(pg_ticks); RD1=$(pids_ticks redis-server); HA1=$(pids_ticks haproxy); T1=$(date +%s.%N)
EACH=""; for i in "${!SERVER_PIDS[@]}"; do EACH+="$(( $(proc_ticks "${SERVER_PIDS[$i]}") - ${SRVEACH0[$i]} )) "; done
CLIENT_CPU=$(sed -n 's/^CLIENT_CPU_SECONDS //p' "$RESULTS_DIR/client.out" | tail -1)

{
  awk -v b=$((BUSY1 - BUSY0)) -v s=$((SRV1 - SRV0)) -v pg=$((PG1 - PG0)) -v rd=$((RD1 - RD0)) -v ha=$((HA1 - HA0)) -v c="${CLIENT_CPU:-0}" \
      -v t0="$T0" -v t1="$T1" -v hz="$HZ" -v n="$(nproc)" -v each="$EACH" 'BEGIN {
    w = t1 - t0; other = b / hz - s / hz - c - pg / hz - rd / hz - ha / hz
    printf "== CPU during the client run (%.0f s wall, %d cores = %.0f core-s): server(s) %.1f core-s (%.2f cores), client %.1f core-s (%.2f cores), PostgreSQL processes %.1f core-s (%.2f cores), redis-server %.1f core-s (%.2f cores), haproxy %.1f core-s (%.2f cores), everything else (other users of the machine, kernel) %.1f core-s (%.2f cores)\n",
      w, n, n * w, s / hz, s / hz / w, c, c / w, pg / hz, pg / hz / w, rd / hz, rd / hz / w, ha / hz, ha / hz / w, other, other / w
    k = split(each, e, " "); if (k > 1) { printf "== CPU of each node:"; for (i = 1; i <= k; i++) printf " node%d %.1f core-s", i, e[i] / hz; printf "\n" } }'
  if [[ -n $MONGO_PID ]]; then
    awk -v m=$((MG1 - MG0)) -v hz="$HZ" -v t0="$T0" -v t1="$T1" 'BEGIN { printf "== CPU of the mongo-java-server stand-in: %.1f core-s (%.2f cores); it is counted in \"everything else\" above\n", m / hz, m / hz / (t1 - t0) }'
  fi
  for i in "${!PORTS[@]}"; do
    gc=$RESULTS_DIR/server${CLUSTER_NODES:+$((i + 1))}-gc.log
    awk -v name="server${CLUSTER_NODES:+$((i + 1))}" '/Pause/ && / [0-9.]+ms$/ { ms = $NF; sub(/ms$/, "", ms); ms += 0; n++; t += ms; if (ms > m) m = ms }
         END { printf "== %s GC pauses over its whole life: %d, total %.0f ms, longest %.1f ms\n", name, n, t, m }' "$gc"
  done
  echo "== transport: $TRANSPORT; load avg at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in "${!PORTS[@]}"; do
    pid=${SERVER_PIDS[$i]}; log=$WORK/server$i.log
    echo "== server ${CLUSTER_NODES:+$((i + 1)) }(port ${PORTS[$i]}): RSS at end $(awk '/VmRSS/ {print $2, $3}' /proc/$pid/status 2>/dev/null), CPU time $(ps -o cputime= -p "$pid" 2>/dev/null); log: $(grep -c ' ERROR ' "$log" || true) ERROR, $(grep -c ' WARN ' "$log" || true) WARN lines, $(grep -c 'socket_slow_consumer' "$log" || true) slow-consumer closes"
    grep -E ' (ERROR|WARN) |slow_consumer' "$log" | cut -d' ' -f3- | sed -E 's/\([^)]*\)//; s/user=[^ ]+//; s/connection=[^ ]+//' | cut -c1-200 | sort | uniq -c | sort -rn | head -8 || true
  done
  echo "== results kept in $RESULTS_DIR (client.out, server logs)"
} | tee -a "$RESULTS_DIR/client.out"
exit "$rc"
