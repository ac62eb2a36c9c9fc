#!/usr/bin/env bash
# Measures how fast and lean untrain is, each figure beside a baseline measured in the same run, prints a
# table and writes bench/results.md (docs/development.md, "Performance", explains it). Benchmarks report; they never gate.
#
#   scripts/bench.sh                 build Release, run everything at full size (tens of minutes), write bench/results.md
#   scripts/bench.sh --smoke         tiny sizes, one or two runs each (about a minute): proves the benchmarks still run
#   options: --out FILE (instead of bench/results.md)  --build-dir DIR (default build/default)  --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source scripts/lib.sh

SMOKE=0
OUT=bench/results.md
BUILD_DIR=build/default
BUILD=1
INVOCATION="scripts/bench.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --out) OUT=$2; shift ;;
    --build-dir) BUILD_DIR=$2; shift ;;
    --no-build) BUILD=0 ;;
    *) echo "usage: scripts/bench.sh [--smoke] [--out FILE] [--build-dir DIR] [--no-build]" >&2; exit 2 ;;
  esac
  shift
done
# The smoke run never rewrites the committed results.
if [ "$SMOKE" = 1 ] && [ "$OUT" = bench/results.md ]; then
  echo "bench.sh: --smoke needs --out FILE (bench/results.md holds the full run's figures)" >&2
  exit 2
fi

if [ "$BUILD" = 1 ]; then
  # libbenchmark-dev: the micro-benchmarks; sqlite3: the export baseline; strace: the fsyncs of a session;
  # chromium: the content-script cost.
  ensure_packages "${BUILD_PACKAGES[@]}" libbenchmark-dev sqlite3 strace chromium openssl nodejs
  [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error
  cmake --preset default >/dev/null
  cmake --build --preset default --target untrain bench
fi
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
UNTRAIN=$BUILD_DIR/host/untrain
BENCH=$BUILD_DIR/bench
DRIVER=$BENCH/host_driver
ORIGIN=chrome-extension://cnfjdjaccjmkpgnehhaamchmmodophch/
SQLITE3=$(command -v sqlite3)
SHA256SUM=$(command -v sha256sum)
STRACE=$(command -v strace || true)

if [ "$SMOKE" = 1 ]; then
  RUNS=2; COLD_RUNS=5; SYNC_RUNS=5; OBSERVES=20; STATUSES=200
  STATUS_SIZES="10 1000"; EXPORT_SIZES="100 1000"; CONTENT="--runs 1 --window-ms 1000"; MICRO_TIME=0.01
else
  # 64 traced sessions: enough for the WAL to pass kCheckpointPages (store.h) a few times.
  RUNS=5; COLD_RUNS=60; SYNC_RUNS=64; OBSERVES=300; STATUSES=5000
  STATUS_SIZES="10 100000 1000000"; EXPORT_SIZES="10000 100000 1000000"; CONTENT="--runs 5 --window-ms 5000"; MICRO_TIME=0.5
fi

# Databases are measured on the real disk (fsync is part of the cost); big trails are generated on a RAM disk,
# where a million durable commits take a minute rather than hours, then copied.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/untrain-bench.XXXXXX")
RAMDISK=$WORK
[ -d /dev/shm ] && [ -w /dev/shm ] && RAMDISK=$(mktemp -d /dev/shm/untrain-bench.XXXXXX)
trap 'rm -rf "$WORK" "$RAMDISK"' EXIT
RAW=$WORK/raw.jsonl
: >"$RAW"
say() { echo "bench: $*" >&2; }

# A trail of $1 events (through the real Store), made once on the RAM disk, copied to $2 with its write-ahead log
# (the two files are the trail).
trail() {
  local events=$1 target=$2
  "$BENCH/make_trail" "$events" "$RAMDISK/trail-$events.db" 2>/dev/null
  cp "$RAMDISK/trail-$events.db" "$target"
  cp "$RAMDISK/trail-$events.db-wal" "$target-wal"
  rm -f "$RAMDISK/trail-$events.db"*
  # Written out now: a copy of hundreds of megabytes still in the page cache would be flushed by the next fsync's
  # journal commit, and charged to the first sessions measured on it.
  sync "$target" "$target-wal"
}

# The fsyncs (fsync, fdatasync, sync_file_range) of each of $2 cold sessions of the host "$@", counted by strace in
# sessions of their own (strace slows them down: they are not timed), as one JSON line named $1.
syncs() {
  local name=$1 runs=$2 db=$3 counts=() i
  shift 3
  for ((i = 0; i < runs; i++)); do
    UNTRAIN_DB=$db "$DRIVER" cold --name "$name" --runs 1 -- "$STRACE" -f -qq -e trace=fsync,fdatasync,sync_file_range \
      -o "$WORK/strace.log" "$@" >/dev/null
    counts+=("$(grep -cE '(fsync|fdatasync|sync_file_range)\(' "$WORK/strace.log" || true)")
  done
  printf '{"name":"%s","mode":"syncs","unit":"calls","values":[%s],"command":"UNTRAIN_DB=%s %s cold --name %s --runs 1 -- %s -f -e trace=fsync,fdatasync,sync_file_range %s"}\n' \
    "$name" "$(IFS=,; echo "${counts[*]}")" "$db" "$DRIVER" "$name" "$STRACE" "$*"
}

MACHINE="$(uname -srm), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s)

say "1. cold round trip"
# One warm-up session each: the first one creates the database (or the floor's file), which is not the steady state.
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name warm-up --runs 1 -- "$UNTRAIN" "$ORIGIN" >/dev/null
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name warm-up --runs 1 -- "$BENCH/durable_host" "$ORIGIN" >/dev/null
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name warm-up --runs 1 -- "$BENCH/sqlite_host" "$ORIGIN" >/dev/null
UNTRAIN_DB=$RAMDISK/cold.db "$DRIVER" cold --name warm-up --runs 1 -- "$UNTRAIN" "$ORIGIN" >/dev/null
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name cold-echo --runs "$COLD_RUNS" -- "$BENCH/echo_host" "$ORIGIN" >>"$RAW"
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name cold-floor --runs "$COLD_RUNS" -- "$BENCH/durable_host" "$ORIGIN" >>"$RAW"
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name cold-sqlite --runs "$COLD_RUNS" -- "$BENCH/sqlite_host" "$ORIGIN" >>"$RAW"
UNTRAIN_DB=$WORK/cold.db "$DRIVER" cold --name cold-untrain --runs "$COLD_RUNS" -- "$UNTRAIN" "$ORIGIN" >>"$RAW"
UNTRAIN_DB=$RAMDISK/cold.db "$DRIVER" cold --name cold-untrain-ramdisk --runs "$COLD_RUNS" -- "$UNTRAIN" "$ORIGIN" >>"$RAW"
if [ -n "$STRACE" ]; then
  syncs syncs-untrain "$SYNC_RUNS" "$WORK/cold.db" "$UNTRAIN" "$ORIGIN" >>"$RAW"
  syncs syncs-floor "$SYNC_RUNS" "$WORK/cold.db" "$BENCH/durable_host" "$ORIGIN" >>"$RAW"
else
  say "   strace is not installed: the fsyncs per session are not counted"
fi

say "2. one persistent connection"
for kind in observe status; do
  count=$OBSERVES; [ $kind = status ] && count=$STATUSES
  UNTRAIN_DB=$WORK/persistent.db "$DRIVER" stream --name "persistent-$kind-echo" --runs "$RUNS" --kind $kind --count "$count" -- "$BENCH/echo_host" "$ORIGIN" >>"$RAW"
  UNTRAIN_DB=$WORK/persistent.db "$DRIVER" stream --name "persistent-$kind-untrain" --runs "$RUNS" --kind $kind --count "$count" -- "$UNTRAIN" "$ORIGIN" >>"$RAW"
done

say "3. growth: status latency and the cold round trip"
for n in $STATUS_SIZES; do
  say "   a trail of $n events"
  trail "$n" "$WORK/status-$n.db"
  UNTRAIN_DB=$WORK/status-$n.db "$DRIVER" stream --name "growth-status-$n" --runs "$RUNS" --kind status --count "$STATUSES" -- "$UNTRAIN" "$ORIGIN" >>"$RAW"
  UNTRAIN_DB=$WORK/status-$n.db "$DRIVER" cold --name "growth-cold-$n" --runs "$COLD_RUNS" -- "$UNTRAIN" "$ORIGIN" >>"$RAW"
  case " $EXPORT_SIZES " in *" $n "*) ;; *) rm -f "$WORK/status-$n.db"* ;; esac
done

say "3. growth: export and verify"
for n in $EXPORT_SIZES; do
  db=$WORK/export-$n.db
  if [ -f "$WORK/status-$n.db" ]; then
    mv "$WORK/status-$n.db" "$db"
    mv "$WORK/status-$n.db-wal" "$db-wal"
    rm -f "$WORK/status-$n.db-shm"
  else
    say "   a trail of $n events"
    trail "$n" "$db"
  fi
  runs=$RUNS; [ "$n" -ge 1000000 ] && runs=3
  "$DRIVER" run --name "export-json-$n" --runs $runs --bytes "$WORK/e.json" -- "$UNTRAIN" export --format json --force -o "$WORK/e.json" --db "$db" >>"$RAW"
  "$DRIVER" run --name "export-csv-$n" --runs $runs --bytes "$WORK/e.csv" -- "$UNTRAIN" export --format csv --force -o "$WORK/e.csv" --db "$db" >>"$RAW"
  "$DRIVER" run --name "sqlite3-json-$n" --runs $runs --stdout "$WORK/s.json" --bytes "$WORK/s.json" -- "$SQLITE3" -json "$db" "SELECT * FROM events ORDER BY seq" >>"$RAW"
  "$DRIVER" run --name "verify-db-$n" --runs $runs -- "$UNTRAIN" verify --db "$db" >>"$RAW"
  "$DRIVER" run --name "verify-file-$n" --runs $runs --bytes "$WORK/e.json" -- "$UNTRAIN" verify --file "$WORK/e.json" >>"$RAW"
  "$DRIVER" run --name "sha256sum-$n" --runs $runs --bytes "$WORK/e.json" -- "$SHA256SUM" "$WORK/e.json" >>"$RAW"
  rm -f "$db"* "$WORK"/e.* "$WORK"/s.json
done

say "micro-benchmarks"
"$BENCH/micro_bench" --benchmark_min_time="$MICRO_TIME" --benchmark_repetitions=3 --benchmark_format=json \
  --benchmark_out="$WORK/micro.json" >/dev/null 2>"$WORK/micro.err" || { cat "$WORK/micro.err" >&2; exit 1; }

say "5. content script in Chromium"
# shellcheck disable=SC2086
UNTRAIN_BIN=$UNTRAIN node bench/content_cost.js $CONTENT >>"$RAW"

MACHINE="$MACHINE; at the end: $(cut -d' ' -f1-3 /proc/loadavg); took $(( $(date +%s) - START )) s"
node bench/report.js "$RAW" "$WORK/micro.json" "$OUT" "$MACHINE" "$(date -u +%Y-%m-%dT%H:%MZ)" "$INVOCATION"
say "wrote $OUT"
