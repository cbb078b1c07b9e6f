#!/usr/bin/env bash
# What the indexes buy (docs/performance.md, "Indexes"), on a world of VMS VMs (default 10,000), each with
# one network adapter, and CHECKPOINTS checkpoints (default 1,000,000; CHECKPOINTS / VMS per VM), made with
# POSTs through wrk (bench/indexes.lua): GET by key per second, GET VMCheckPoints?$filter=VMId eq guid'…'
# per second (issue 13's target: at least half the GET-by-key rate), and the time of one $expand of
# VMS/40, VMS/20 and VMS/10 VMs (250, 500, 1,000; or the counts in EXPAND) with their adapters and
# checkpoints, one request at a time (linear if the time per VM stays flat).
#
#   bench/indexes.sh [VMS] [CHECKPOINTS]     from the project's root, after `mvn -B package`
#   DURATION=2s bench/indexes.sh 100 2000    a smoke run of a few seconds
#
# Needs wrk, curl and java; loopback only; every wrk run is bounded by -d (DURATION, default 10s, after
# a warm-up as long). Other load on the machine skews the figures: run it alone.
set -euo pipefail
VMS=${1:-10000}
CHECKPOINTS=${2:-1000000}
DURATION=${DURATION:-10s}
HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-target/spf-vmm-emulator.jar}
PORT=${PORT:-30778}
SUB=1de2a5e0-0000-4000-8000-000000000013
ROOT="http://127.0.0.1:$PORT/$SUB/services/systemcenter/vmm/"
WORK=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

run() {  # run MODE THREADS CONNECTIONS DURATION [N] : wrk with indexes.lua; its report in $WORK/wrk.txt
  exec wrk -t"$2" -c"$3" -d"$4" --latency -s "$HERE/indexes.lua" "$ROOT" -- "$1" "$VMS" "$CHECKPOINTS" "$2" ${5:-} \
    >"$WORK/wrk.txt"
}
count() { curl -sf "$ROOT$1/\$count"; }
fill() {  # fill MODE SET TARGET : POSTs until SET holds TARGET entities; prints how long it took
  local begin last=-1 now stalled=0
  begin=$(date +%s%N)
  (run "$1" 2 16 3600s) & local wrk=$!  # exec: $! is wrk itself
  until now=$(count "$2") && [ "$now" -ge "$3" ]; do
    if [ "$now" = "$last" ]; then stalled=$((stalled + 1)); else stalled=0; last=$now; fi
    if [ "$stalled" -ge 60 ]; then echo "$2 stalled at $now of $3"; kill "$wrk"; exit 1; fi
    sleep 0.5
  done
  kill "$wrk"; wait "$wrk" 2>/dev/null || true
  echo "made $3 $2 in $(( ($(date +%s%N) - begin) / 1000000 )) ms"
}
rate() {  # rate MODE LABEL : warm-up, then measured; prints req/s and p99, keeps req/s in $RATE
  (run "$1" 2 32 "$DURATION")
  (run "$1" 2 32 "$DURATION")
  RATE=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")
  echo "$2 $RATE req/s, p99 $(awk '$1 == "99%" { print $2 }' "$WORK/wrk.txt")$(grep -h 'Non-2xx' "$WORK/wrk.txt" \
    | sed 's/^ */, /')"
}

touch "$WORK/out.txt"
java -jar "$JAR" --port "$PORT" --job-duration 0 \
  --max-entities-per-subscription $(( 4 * (VMS + CHECKPOINTS) + 10000 )) >"$WORK/out.txt" 2>&1 &
PID=$!
until grep -q "listening on" "$WORK/out.txt"; do
  kill -0 "$PID" 2>/dev/null || { cat "$WORK/out.txt"; exit 1; }
  sleep 0.05
done
fill vms VirtualMachines "$VMS"
fill adapters VirtualNetworkAdapters "$VMS"
fill checkpoints VMCheckPoints "$CHECKPOINTS"
SERVER=$(pgrep -P "$PID" java || echo "$PID")  # a plain java -jar serves from a second JVM (docs/operations.md)
echo "heap after the fill (before a GC): $(jcmd "$SERVER" GC.heap_info 2>/dev/null | grep -o 'used [0-9]*K' | head -1)"
FIRST=00000000-0000-4000-8000-000000000001
echo "checkpoints of the first VM by \$filter: $(curl -sf "${ROOT}VMCheckPoints/\$count?\$filter=VMId%20eq%20guid'$FIRST'")"
echo "the first VM expanded: $(curl -sf -H 'Accept: application/json' "${ROOT}VirtualMachines(ID=guid'$FIRST',StampId=guid'd70c1a9b-c241-48f5-880a-b6c36071e653')?\$expand=VirtualNetworkAdapters,VMCheckpoints" \
  | grep -o '"Name":"[a-z]* ' | sort | uniq -c | tr -s ' \n' ' ')"

rate key "GET by key:                        "
KEY=$RATE
rate filter "GET VMCheckPoints?\$filter=VMId eq:  "
echo "filter / key: $(awk -v f="$RATE" -v k="$KEY" 'BEGIN { printf "%.2f", f / k }') (target: at least 0.5)"
for n in ${EXPAND:-$((VMS / 40)) $((VMS / 20)) $((VMS / 10))}; do
  (run expand 1 1 "$DURATION" "$n")
  (run expand 1 1 "$DURATION" "$n")
  awk -v n="$n" '/Latency/ && !done { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+/, "", v);
      ms = u == "us" ? v / 1000 : u == "s" ? v * 1000 : v;
      printf "$expand of %4d VMs with adapters and checkpoints: %8.1f ms per request, %.3f ms per VM\n", n, ms, ms / n;
      done = 1 }' "$WORK/wrk.txt"
done
