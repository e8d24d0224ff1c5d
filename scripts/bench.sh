#!/usr/bin/env bash
# Start-up and throughput of soak-analyzer side by side with the floors it is measured against, as
# ratios from paired runs on this machine:
#   ours     bin/soak-analyzer (cold JVM per run, as users run it: the trimmed runtime with its AOT
#            cache when build/runtime holds the current jar, else the jar on JAVA_HOME / PATH java);
#   floor    the I/O floor: find DIR -name 'ITER_*' -print0 | xargs -0 cat >/dev/null
#            (a plain `cat DIR/*` over 100k files fails with "argument list too long");
#   java     `java -version` of the same runtime ours runs on;
#   peer     an optional command given with --peer, run on the same files.
# Each iteration runs every command of a row once, in an order that alternates between iterations
# (forward, then reversed), so a load change on the machine hits all columns alike. The first
# iteration warms the page cache and is not counted. Times are medians; each ratio is the median of
# the per-iteration ratios (ours / other within the same iteration). Peak RSS is ours, over all runs.
# Data sets: flat files made by `soak-analyzer bench --generate-only` (deterministic), reused from
# DIR/<case> when complete.
#
# Row cycleSxW (a second table): the runner's second cycle after 100 new files, against a cold
# `analyze` of the same files. `soak-analyzer bench --cycle` runs the real runner (dry-run, no Redis)
# for two cycles in one process; between them one more window of 100 symbols is written; it prints
# the runner's own cycle durations (CONTINUOUS_METRICS duration_ms) and a cold in-process analysis
# of the same files. Each iteration pairs that second cycle with a cold `bin/soak-analyzer analyze`
# (wall time, JVM start-up included) of the same 100 new + S*W files; the ratio is
# second cycle / cold analyze (target <= 0.10), with second cycle / cold in-process beside it.
#
# Usage: scripts/bench.sh [--runs N] [--cases LIST] [--peer CMD] [--dir DIR]
#   --runs N      counted paired iterations per row (default 7)
#   --cases LIST  comma-separated rows (default 3x48,version,help,10x1000,1000x100,5000x20,
#                 cycle1000x100); SxW is S symbols x W windows of flat files, version/help are
#                 `--version`/`--help`, cycleSxW the runner's second cycle (S >= 100)
#   --peer CMD    a command to compare with, run through bash; {glob} becomes the shell-quoted glob
#                 of the case's files (the pattern itself, not expanded), {dir} the directory.
#                 Example: --peer 'python3 tool.py {glob}'
#   --dir DIR     where the data sets live (default $BENCH_DIR or /tmp/soak-bench)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=7
CASES="3x48,version,help,10x1000,1000x100,5000x20,cycle1000x100"
PEER=""
DIR="${BENCH_DIR:-/tmp/soak-bench}"

die() {
  echo "error: $*" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || die "--runs needs a number"; RUNS="$2"; shift 2 ;;
    --cases) [ $# -ge 2 ] || die "--cases needs a list such as 3x48,version"; CASES="$2"; shift 2 ;;
    --peer) [ $# -ge 2 ] || die "--peer needs a command"; PEER="$2"; shift 2 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a directory"; DIR="$2"; shift 2 ;;
    -h | --help) sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive whole number, got '$RUNS'"
IFS=',' read -r -a CASE_LIST <<< "$CASES"
[ "${#CASE_LIST[@]}" -gt 0 ] || die "--cases is empty"
for c in "${CASE_LIST[@]}"; do
  [[ "$c" =~ ^(cycle)?[1-9][0-9]*x[1-9][0-9]*$ || "$c" == version || "$c" == help ]] \
    || die "--cases: '$c' is neither SYMBOLSxWINDOWS (e.g. 3x48), cycleSxW nor version/help"
  if [[ "$c" =~ ^cycle([0-9]+)x ]] && ((BASH_REMATCH[1] < 100)); then
    die "--cases: '$c' needs at least 100 symbols (100 new files arrive between the cycles)"
  fi
done
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time, Debian package 'time') is needed for peak RSS"
mkdir -p "$DIR" || die "--dir: cannot create '$DIR'"

SOAK="$ROOT/bin/soak-analyzer"
JAR="$ROOT/target/soak-analyzer.jar"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q -DskipTests -Dspotless.check.skip=true package) \
  || die "building $JAR failed"
# The same choice bin/soak-analyzer makes, so `java -version` runs on ours' runtime.
RUNTIME="$ROOT/build/runtime"
if [[ -z "${SOAK_ANALYZER_NO_RUNTIME:-}" && -x "$RUNTIME/bin/soak-analyzer" ]] \
  && ! [[ "$JAR" -nt "$RUNTIME/lib/app/soak-analyzer.jar" ]]; then
  JAVA="$RUNTIME/bin/java"
  ON="the trimmed runtime build/runtime (AOT cache)"
else
  JAVA="java"
  [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && JAVA="$JAVA_HOME/bin/java"
  ON="the jar on $JAVA (no current build/runtime: scripts/build-runtime.sh makes it)"
fi

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }

# run_once OUTFILE CMD...: runs CMD once, appends "seconds rss_kb exit" to OUTFILE.
run_once() {
  local outfile="$1" t0 t1 rc
  shift
  t0=$(date +%s%N)
  rc=0
  /usr/bin/time -o "$TMP/rss" -f "%M" "$@" > "$TMP/stdout" 2> "$TMP/stderr" || rc=$?
  t1=$(date +%s%N)
  printf '%s %s %s\n' "$(echo "($t1 - $t0) / 1000000000" | bc -l)" "$(tail -1 "$TMP/rss")" "$rc" >> "$outfile"
}

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# Row: label, then the commands as names of arrays (ours java [floor] [peer]); fills the table row.
bench_row() {
  local label="$1" kind="$2" data="$3"
  local -a ours=() java=("$JAVA" -version) floor=() peer=()
  local names=(ours java)
  case "$kind" in
    version) ours=("$SOAK" --version) ;;
    help) ours=("$SOAK" --help) ;;
    data)
      ours=("$SOAK" analyze --iter-glob "$data/ITER_SUMMARY_*.json" --out-dir "$DIR/out-$label" --min-windows 1)
      floor=(bash -c "find $(printf %q "$data") -name 'ITER_*' -print0 | xargs -0 cat > /dev/null")
      names=(ours floor java)
      if [ -n "$PEER" ]; then
        local p="${PEER//\{glob\}/$(printf %q "$data/ITER_SUMMARY_*.json")}"
        p="${p//\{dir\}/$(printf %q "$data")}"
        peer=(bash -c "$p")
        names+=(peer)
      fi
      ;;
  esac
  local n i
  for n in "${names[@]}"; do : > "$TMP/$n"; done
  for ((i = 0; i <= RUNS; i++)); do
    local order=("${names[@]}")
    if ((i % 2 == 1)); then
      local rev=() k
      for ((k = ${#names[@]} - 1; k >= 0; k--)); do rev+=("${names[k]}"); done
      order=("${rev[@]}")
    fi
    for n in "${order[@]}"; do
      local -n cmd="$n"
      if ((i == 0)); then
        run_once "$TMP/warm" "${cmd[@]}"
        local rc
        rc=$(tail -1 "$TMP/warm" | cut -d' ' -f3)
        # analyze exits 1 when a window breaches a threshold; 2 and above means the run itself failed.
        if ((rc >= 2)) || { [ "$n" != ours ] && ((rc != 0)); }; then
          sed -n 1,5p "$TMP/stderr" >&2
          die "$label: '$n' command failed (exit $rc): ${cmd[*]}"
        fi
      else
        run_once "$TMP/$n" "${cmd[@]}"
      fi
      unset -n cmd
    done
  done
  local t_ours t_java t_floor="" t_peer="" rss r_java r_floor="" r_peer=""
  t_ours=$(cut -d' ' -f1 "$TMP/ours" | median)
  t_java=$(cut -d' ' -f1 "$TMP/java" | median)
  rss=$(cut -d' ' -f2 "$TMP/ours" | sort -n | tail -1)
  ratio() { paste -d' ' <(cut -d' ' -f1 "$TMP/ours") <(cut -d' ' -f1 "$TMP/$1") \
    | awk '{printf "%.6f\n", $1 / $2}' | median; }
  r_java=$(ratio java)
  if [ "$kind" = data ]; then
    t_floor=$(cut -d' ' -f1 "$TMP/floor" | median)
    r_floor=$(ratio floor)
    if [ -n "$PEER" ]; then
      t_peer=$(cut -d' ' -f1 "$TMP/peer" | median)
      r_peer=$(ratio peer)
    fi
  fi
  # The issue's targets; a verdict per row.
  local target verdict
  case "$label" in
    3x48) target="<= 1.5x java"; verdict=$(awk -v r="$r_java" 'BEGIN {print (r <= 1.5) ? "met" : "NOT met"}') ;;
    version | help) target="<= 1.2x java"; verdict=$(awk -v r="$r_java" 'BEGIN {print (r <= 1.2) ? "met" : "NOT met"}') ;;
    10x1000) target="<= 1.0x floor"; verdict=$(awk -v r="$r_floor" 'BEGIN {print (r <= 1.0) ? "met" : "NOT met"}') ;;
    1000x100 | 5000x20)
      target="<= 1.0x floor, RSS <= 250 MB"
      verdict=$(awk -v r="$r_floor" -v m="$rss" 'BEGIN {print (r <= 1.0 && m <= 250 * 1024) ? "met" : "NOT met"}') ;;
    *) target="-"; verdict="-" ;;
  esac
  local files="-"
  [ "$kind" = data ] && files=$(( ${label%x*} * ${label#*x} ))
  fmt_s() { if [ -n "$1" ]; then printf '%s s' "$1"; else printf -- '-'; fi; }
  fmt_x() { if [ -n "$1" ]; then printf '%.2fx' "$1"; else printf -- '-'; fi; }
  printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d MB | %s: %s |\n' "$label" "$files" \
    "$(fmt_s "$t_ours")" "$(fmt_s "$t_floor")" "$(fmt_s "$t_java")" "$(fmt_s "$t_peer")" \
    "$(fmt_x "$r_floor")" "$(fmt_x "$r_java")" "$(fmt_x "$r_peer")" $((rss / 1024)) "$target" "$verdict"
}

# cycle_row LABEL DATA: the second-cycle row, paired with a cold analyze of the same files.
cycle_row() {
  local label="$1" data="$2" i n
  local -a ours=("$SOAK" bench --symbols "$3" --windows "$4" --shape flat --dir "$data" --cycle)
  local -a cold=("$SOAK" analyze --iter-glob "$data/ITER_SUMMARY_*.json" --out-dir "$DIR/out-$label" --min-windows 1)
  : > "$TMP/cycle"; : > "$TMP/cold"; : > "$TMP/inproc"; : > "$TMP/cyclerss"
  for ((i = 0; i <= RUNS; i++)); do
    local order=(ours cold)
    ((i % 2 == 1)) && order=(cold ours)
    for n in "${order[@]}"; do
      local -n cmd="$n"
      : > "$TMP/one"
      run_once "$TMP/one" "${cmd[@]}"
      local rc
      rc=$(cut -d' ' -f3 "$TMP/one")
      if ((rc >= 2)) || { [ "$n" = ours ] && ((rc != 0)); }; then
        sed -n 1,5p "$TMP/stderr" >&2
        die "$label: '$n' command failed (exit $rc): ${cmd[*]}"
      fi
      if ((i > 0)); then
        if [ "$n" = ours ]; then
          local line
          line=$(grep '^CYCLE ' "$TMP/stdout") || die "$label: no CYCLE line from: ${cmd[*]}"
          echo "$line" | sed 's/.* second_ms=\([0-9]*\).*/\1/' | awk '{printf "%.3f\n", $1 / 1000}' >> "$TMP/cycle"
          echo "$line" | sed 's/.* cold_inprocess_ms=\([0-9]*\).*/\1/' | awk '{printf "%.3f\n", $1 / 1000}' >> "$TMP/inproc"
          cut -d' ' -f2 "$TMP/one" >> "$TMP/cyclerss"
        else
          cut -d' ' -f1 "$TMP/one" >> "$TMP/cold"
        fi
      fi
      unset -n cmd
    done
  done
  local t_cycle t_cold t_inproc r_cold r_inproc rss verdict
  t_cycle=$(median < "$TMP/cycle")
  t_cold=$(median < "$TMP/cold")
  t_inproc=$(median < "$TMP/inproc")
  r_cold=$(paste -d' ' "$TMP/cycle" "$TMP/cold" | awk '{printf "%.6f\n", $1 / $2}' | median)
  r_inproc=$(paste -d' ' "$TMP/cycle" "$TMP/inproc" | awk '$2 > 0 {printf "%.6f\n", $1 / $2}' | median)
  rss=$(sort -n "$TMP/cyclerss" | tail -1)
  verdict=$(awk -v r="$r_cold" 'BEGIN {print (r <= 0.10) ? "met" : "NOT met"}')
  CYCLE_ROWS+=("$(printf '| %s | %d | %s s | %s s | %.2fx | %s s | %.2fx | %d MB | <= 0.10x cold analyze: %s |' \
    "$label" $(($3 * $4 + 100)) "$t_cycle" "$t_cold" "$r_cold" "$t_inproc" "$r_inproc" $((rss / 1024)) "$verdict")")
}

# ensure_data DIR S W: the flat data set of S symbols x W windows in DIR, made once.
ensure_data() {
  if [ ! -f "$1/.complete" ]; then
    rm -rf "$1"
    "$SOAK" bench --symbols "$2" --windows "$3" --shape flat --dir "$1" --generate-only > /dev/null \
      || die "generating $1 failed"
    touch "$1/.complete"
  fi
}

CYCLE_ROWS=()
echo "soak-analyzer on $ON; $RUNS paired runs per row (+1 warm-up); $(nproc) cores;" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ ",$CASES," =~ ,(version|help|[0-9]+x[0-9]+), ]]; then
  printf '| case | files | ours | I/O floor | java -version | peer | ours/floor | ours/java | ours/peer | peak RSS | target |\n'
  printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
fi
for c in "${CASE_LIST[@]}"; do
  case "$c" in
    version | help) bench_row "$c" "$c" "" ;;
    cycle*)
      # Its own copy of the data set: the cycle leaves 100 extra files in it.
      sw="${c#cycle}"
      ensure_data "$DIR/$c" "${sw%x*}" "${sw#*x}"
      cycle_row "$c" "$DIR/$c" "${sw%x*}" "${sw#*x}"
      ;;
    *)
      ensure_data "$DIR/$c" "${c%x*}" "${c#*x}"
      bench_row "$c" data "$DIR/$c"
      ;;
  esac
done
if [ "${#CYCLE_ROWS[@]}" -gt 0 ]; then
  [ "${#CYCLE_ROWS[@]}" -eq "${#CASE_LIST[@]}" ] || echo
  printf '| case | files | second cycle | cold analyze | cycle/cold | cold in-process | cycle/in-process | peak RSS (cycle) | target |\n'
  printf '|---|---|---|---|---|---|---|---|---|\n'
  printf '%s\n' "${CYCLE_ROWS[@]}"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "$PEER" ] || echo "peer: $PEER"
