#!/usr/bin/env bash
# Runs the browser tier N times in a row while a bounded CPU hog keeps both cores busy, and prints
# the passes and failures of every run. A failure is a bug in a test or in the product, never a
# reason to retry: its evidence is under e2e/artifacts/ (see README).
#
#   bash scripts/e2e-stress.sh 5          # five runs, PGlite (and PostgreSQL if TEST_DATABASE_URL)
#
# With TEST_DATABASE_URL set, the walks alternate between PGlite and PostgreSQL, and each run
# swaps the halves (E2E_DATABASE_OFFSET), so every walk meets both databases over two runs.
# The hog is Debian's stress-ng (installed when absent and run as root), one worker per core,
# limited by --timeout so that it stops by itself even if this script is killed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-5}
cores=$(nproc)
hog_limit=${STRESS_TIMEOUT:-45m}
logs=.tmp/e2e-stress
mkdir -p "$logs"

if ! command -v stress-ng >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -qq stress-ng >/dev/null || { apt-get update -qq && apt-get install -y -qq stress-ng >/dev/null; }
  else
    echo "stress-ng is missing: apt-get install -y stress-ng" >&2
    exit 2
  fi
fi

hog=""
stop_hog() {
  if [ -n "$hog" ] && kill -0 "$hog" 2>/dev/null; then
    kill "$hog" 2>/dev/null || true
    wait "$hog" 2>/dev/null || true
  fi
  hog=""
}
trap stop_hog EXIT

echo "e2e-stress: $runs runs, stress-ng --cpu $cores beside each, web app built once"
node scripts/build-web.mjs >/dev/null

passed_runs=0
summary=()
for run in $(seq 1 "$runs"); do
  log="$logs/run-$run.log"
  stress-ng --cpu "$cores" --timeout "$hog_limit" --quiet &
  hog=$!
  started=$(date +%s)
  status=0
  E2E_DATABASE_OFFSET=$(((run + 1) % 2)) npx vitest run --project e2e >"$log" 2>&1 || status=$?
  elapsed=$(($(date +%s) - started))
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  stop_hog
  # vitest's summary line, e.g. "Tests  30 passed (30)" or "Tests  1 failed | 29 passed (30)".
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +Tests ' | tail -n 1 | sed 's/^ *Tests *//')
  if [ "$status" = 0 ]; then
    passed_runs=$((passed_runs + 1))
    verdict=PASS
  else
    verdict=FAIL
  fi
  line="run $run: $verdict  tests: ${tests:-none reported}  ${elapsed}s  load after: $load  log: $log"
  echo "$line"
  if [ "$status" != 0 ]; then
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ +(×|✗|FAIL)|e2e: evidence' | head -n 20 || true
  fi
  summary+=("$line")
done

echo
echo "e2e-stress: $passed_runs of $runs runs passed"
printf '%s\n' "${summary[@]}"
[ "$passed_runs" = "$runs" ]
