#!/usr/bin/env bash
# Cold start to the first 2xx (docs/performance.md, "Start-up"): from launching `java -jar JAR --port P`
# (no JVM flags) to the first 2xx of GET VMCheckPoints, polled every 10 ms; also the CPU time the JVM had
# used by then (all its threads: less skewed than the wall time by other load on the machine).
#
#   bench/startup.sh [RUNS] JAR [JAR ...]     e.g. bench/startup.sh 5 /tmp/base.jar target/spf-vmm-emulator.jar
#
# Runs the jars in turn (A, B, A, B, ...), RUNS rounds (default 5), and prints each run and the medians.
# Set JAVA_FLAGS to add JVM flags (e.g. -XX:SharedArchiveFile=...). Needs curl and Linux's /proc.
set -euo pipefail
RUNS=5
if [[ ${1:-} =~ ^[0-9]+$ ]]; then RUNS=$1; shift; fi
[ $# -gt 0 ] || { echo "usage: bench/startup.sh [RUNS] JAR [JAR ...]" >&2; exit 2; }
PORT=${PORT:-30778}
URL="http://127.0.0.1:$PORT/ae122d5f-3aab-4d75-ad48-d6593246a49e/services/systemcenter/vmm/VMCheckPoints"
TICK=$(getconf CLK_TCK)
PID=
trap '[ -n "$PID" ] && kill -9 "$PID" 2>/dev/null || true' EXIT

once() {  # once JAR: prints "WALL_MS CPU_MS"
  local begin end stat
  begin=$(date +%s%N)
  # shellcheck disable=SC2086
  java ${JAVA_FLAGS:-} -jar "$1" --port "$PORT" >/dev/null 2>&1 &
  PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "$URL" | grep -q '^2'; do
    kill -0 "$PID" 2>/dev/null || { echo "$1 did not start" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  read -r -a stat < "/proc/$PID/stat"
  echo "$(( (end - begin) / 1000000 )) $(( (stat[13] + stat[14]) * 1000 / TICK ))"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

declare -A WALL CPU
for round in $(seq "$RUNS"); do
  for jar in "$@"; do
    read -r wall cpu < <(once "$jar")
    echo "round $round  $jar  ${wall} ms  cpu ${cpu} ms  (load $(cut -d' ' -f1 /proc/loadavg))"
    WALL[$jar]+="$wall "; CPU[$jar]+="$cpu "
  done
done
for jar in "$@"; do
  echo "median  $jar  $(tr ' ' '\n' <<<"${WALL[$jar]}" | grep . | median) ms  cpu $(tr ' ' '\n' <<<"${CPU[$jar]}" | grep . | median) ms"
done
