#!/usr/bin/env bash
# The 1 node vs 3 nodes comparison of docs/performance.md ("Several nodes"): the same 1:1 throughput staircase and
# group fan-out staircase on PostgreSQL against (a) one node without Redis, (b) one node with Redis behind HAProxy,
# (c) three nodes with Redis behind HAProxy. Each run is one bench/run.sh call; results in bench/results/.
#
#   bench/compare-nodes.sh            (APP_DIR, QUIET_WAIT etc. are passed through to bench/run.sh)
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
THROUGHPUT=(--pairs 100 --rates 250,500,750,1000,1500,2000,2500,3000 --max-p99-ms 100)
FANOUT=(--members 100 --rates 100,200,400,600,800,1000,1200 --max-p99-ms 100)
for nodes in "" 1 3; do
  CLUSTER_NODES=$nodes "$BENCH_DIR/run.sh" throughput postgres "${THROUGHPUT[@]}" || true
  CLUSTER_NODES=$nodes "$BENCH_DIR/run.sh" fanout postgres "${FANOUT[@]}" || true
done
