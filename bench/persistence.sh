#!/usr/bin/env bash
# What --data-dir costs (docs/performance.md, "Persistence"): POST VMCheckPoints per second in memory and
# with --data-dir (every create fsynced before its 201, group commit), and the start-up time of an
# emulator whose data directory holds N created checkpoints (default 1,000,000), after a kill -9.
#
#   bench/persistence.sh [N]        from the project's root, after `mvn -B package`
#
# Needs wrk, curl and java; loopback only; each wrk run is bounded by -d. Other load on the machine
# skews the figures: run it alone.
set -euo pipefail
N=${1:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-target/spf-vmm-emulator.jar}
WORK=$(mktemp -d)
PORT=${PORT:-30777}
SUB=ae122d5f-3aab-4d75-ad48-d6593246a49e
URL="http://127.0.0.1:$PORT/$SUB/services/systemcenter/vmm/VMCheckPoints"
PID=
trap '[ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

start() {  # start ARGS... : starts the jar, waits for its "listening" line; the ms it took in $STARTED
  local begin; begin=$(date +%s%N)
  rm -f "$WORK/out.txt"; touch "$WORK/out.txt"
  java -jar "$JAR" --port "$PORT" "$@" >>"$WORK/out.txt" 2>&1 &
  PID=$!
  until grep -q "listening on" "$WORK/out.txt"; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/out.txt"; exit 1; }
    sleep 0.05
  done
  STARTED=$(( ($(date +%s%N) - begin) / 1000000 ))
}
stop() { kill -9 "$PID"; wait "$PID" 2>/dev/null || true; PID=; }
rate() {  # rate LABEL : 10 s warm-up, then 10 s measured; prints req/s and p99
  wrk -t2 -c32 -d10s -s "$HERE/post-checkpoints.lua" "$URL" >/dev/null
  wrk -t2 -c32 -d10s --latency -s "$HERE/post-checkpoints.lua" "$URL" >"$WORK/wrk.txt"
  echo "$1 $(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt") req/s, p99 $(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")"
}

start; rate "in memory:        "; stop
start --data-dir "$WORK/rate"; rate "with --data-dir:  "; stop

start --data-dir "$WORK/big" --max-entities-per-subscription 3000000
wrk -t2 -c32 -d3600s -s "$HERE/post-checkpoints.lua" "$URL" >/dev/null &
WRK=$!
until [ "$(curl -s "$URL/\$count")" -ge "$N" ]; do sleep 1; done
kill "$WRK"; wait "$WRK" 2>/dev/null || true
count=$(curl -s "$URL/\$count")
stop
echo "stored: $count checkpoints, $(du -sh "$WORK/big" | cut -f1) on disk"
start --data-dir "$WORK/big" --max-entities-per-subscription 3000000
echo "start-up after kill -9 with them: $STARTED ms"
echo "checkpoints after the restart: $(curl -s "$URL/\$count")"
stop
