#!/usr/bin/env bash
# Training run for the start-up cache (the `aot` Maven profile runs it after `package`; it can also be run by hand).
#
#   src/main/aot/train.sh <app dir> [java]
#
# Starts the packaged server once from <app dir> on a throw-away data dir and a free 127.0.0.1 port, waits until
# /q/health/ready answers 200, asks for a few pages, then stops it (SIGTERM). At that exit the JVM writes what the
# start loaded, linked and profiled:
#   JDK 25+  <app dir>/app.aot       (AOT cache, JEP 483/514/515)  run with: java -XX:AOTCache=app.aot -jar quarkus-run.jar
#   JDK <25  <app dir>/app-cds.jsa   (dynamic AppCDS archive)     run with: java -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar
# Either file is only used by the same JDK build that wrote it, with the same jars; run from <app dir>.
set -euo pipefail

APP_DIR=$(cd "${1:?usage: train.sh <app dir> [java]}" && pwd)
JAVA=${2:-java}
[[ -f $APP_DIR/quarkus-run.jar ]] || { echo "train.sh: no quarkus-run.jar in $APP_DIR" >&2; exit 2; }
FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if (( ${FEATURE%%.*} >= 25 )); then
  OUT=app.aot; FLAGS=(-XX:AOTCacheOutput=app.aot)
else
  OUT=app-cds.jsa; FLAGS=(-XX:ArchiveClassesAtExit=app-cds.jsa)
fi
rm -f "$APP_DIR/app.aot" "$APP_DIR/app-cds.jsa"

port_busy() { ss -ltnH "sport = :$1" 2>/dev/null | grep -q .; }
PORT=5290
while port_busy "$PORT"; do PORT=$((PORT + 1)); done
WORK=$(mktemp -d /tmp/echos-aot-train-XXXXXX)
PID=""
cleanup() { [[ -n $PID ]] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

cd "$APP_DIR"
# a clean environment: the training run must not touch a real database, Redis or data dir
env -u DATABASE_URL -u MONGO_URI -u MONGODB_URI -u REDIS_URL -u SMTP_HOST -u CLOUDINARY_CLOUD_NAME \
  PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$WORK/data" JWT_SECRET=aot-training-only-not-a-secret-0123456789 \
  "$JAVA" "${FLAGS[@]}" -jar quarkus-run.jar >"$WORK/server.log" 2>&1 &
PID=$!
ready=""
for _ in $(seq 1 600); do
  kill -0 "$PID" 2>/dev/null || break
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then ready=yes; break; fi
  sleep 0.1
done
if [[ -z $ready ]]; then echo "train.sh: the server did not become ready; log:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; fi
for path in /q/health/ready /q/health /api/users/me /; do curl -s -o /dev/null "http://127.0.0.1:$PORT$path" || true; done
kill "$PID"
for _ in $(seq 1 1200); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done   # the JVM writes the file as it exits
wait "$PID" 2>/dev/null || true
PID=""
if [[ ! -s $APP_DIR/$OUT ]]; then echo "train.sh: $OUT was not written; log:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; fi
echo "train.sh: wrote $APP_DIR/$OUT ($(du -h "$APP_DIR/$OUT" | cut -f1)) with $("$JAVA" -version 2>&1 | head -1)"
