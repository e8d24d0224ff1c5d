#!/usr/bin/env bash
# Side-by-side timing of the issue-6 cases on this machine: the Python stand-in (json.load of every
# file), cat (the I/O floor) and `bin/soak-analyzer analyze` (cold JVM per run, as users run it).
# Reports the median wall time of N runs and the peak RSS of ours.
#
# Usage: scripts/bench.sh [RUNS]   (default 5)   Env: BENCH_DIR (default /tmp/soak-bench)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"
DIR="${BENCH_DIR:-/tmp/soak-bench}"
SOAK="$ROOT/bin/soak-analyzer"
[ -f "$ROOT/target/soak-analyzer.jar" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

# time_runs CMD...: prints "median_seconds max_rss_kb"
time_runs() {
  local times=() rss=0 t r out
  out="$(mktemp)"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -o "$out" -f "%e %M" "$@" > /dev/null 2>&1 || true
    read -r t r < <(tail -1 "$out")
    times+=("$t"); if [ "$r" -gt "$rss" ]; then rss=$r; fi
  done
  rm -f "$out"
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$rss"
}

printf '| case (symbols x windows, flat) | files | python stand-in | cat | soak-analyzer | peak RSS | vs python | vs cat |\n'
printf '|---|---|---|---|---|---|---|---|\n'
for case in ${BENCH_CASES:-3x48 10x1000 1000x100 2000x50 5000x20}; do
  s="${case%x*}"; w="${case#*x}"
  data="$DIR/$case"
  java -jar "$ROOT/target/soak-analyzer.jar" bench --symbols "$s" --windows "$w" --shape flat \
    --dir "$data" --generate-only > /dev/null
  files=$(( s * w ))
  # warm the page cache once, like a re-run on CI
  find "$data" -name 'ITER_SUMMARY_*.json' -print0 | xargs -0 cat > /dev/null
  read -r py _ < <(time_runs python3 -c "import json,glob; [json.load(open(f)) for f in glob.glob('$data/ITER_SUMMARY_*.json')]")
  read -r ct _ < <(time_runs bash -c "find '$data' -name 'ITER_SUMMARY_*.json' -print0 | xargs -0 cat > /dev/null")
  read -r us rss < <(time_runs "$SOAK" analyze --iter-glob "$data/ITER_SUMMARY_*.json" --out-dir "$DIR/out-$case" --min-windows 1)
  printf '| %s | %d | %s s | %s s | %s s | %d MB | %.2fx | %.2fx |\n' "$case" "$files" "$py" "$ct" "$us" \
    $(( rss / 1024 )) "$(echo "$us / $py" | bc -l)" "$(echo "$us / $ct" | bc -l)"
done
