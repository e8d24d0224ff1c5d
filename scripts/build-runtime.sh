#!/usr/bin/env bash
# Builds the trimmed Java runtime the action's container ships, and the same runtime locally:
#   1. jlink a JDK 25 runtime holding only the modules jdeps reports for the jar (+ TLS providers);
#   2. training runs on the bundled fixtures write JDK 25 AOT caches (JEP 483/514: classes loaded
#      and linked ahead of time), one per command family: action, the CLI, a lone --help/--version;
#   3. a launcher bin/soak-analyzer that picks the cache by subcommand, and lib/app/java.args, the
#      java launcher's argument file the image's entry point uses (the image has no shell).
# The Dockerfile runs this very script (with --aot action), so what is tested here is what ships.
#
# Usage: scripts/build-runtime.sh [--jar PATH] [--out DIR] [--fixtures DIR] [--aot all|action]
#   --aot action  only the action's cache (the image: its entry point is one java command line, so
#                 one cache serves every command; the other two would be 30 MB nobody loads)
# Env:   JAVA_HOME   a JDK 25 (default /usr/lib/jvm/temurin-25-jdk-amd64 when present)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/target/soak-analyzer.jar"
OUT="$ROOT/build/runtime"
FIXTURES="$ROOT/fixtures"
AOT_SET=all
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --fixtures) FIXTURES="$2"; shift 2 ;;
    --aot) AOT_SET="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
# Absolute paths: the training runs change directory, and a relative --out would then point
# elsewhere.
OUT="$(realpath -m "$OUT")"
JAR="$(realpath -m "$JAR")"
FIXTURES="$(realpath -m "$FIXTURES")"

if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25'; then
  if [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/jlink ]; then
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
fi
JAVA_HOME="${JAVA_HOME:?error: JAVA_HOME must point to a JDK 25}"
for tool in java jlink jdeps; do
  [ -x "$JAVA_HOME/bin/$tool" ] || { echo "error: $JAVA_HOME/bin/$tool not found: JAVA_HOME must be a JDK 25" >&2; exit 2; }
done
"$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "25' \
  || { echo "error: JAVA_HOME=$JAVA_HOME is not JDK 25 (the AOT cache needs it)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "error: $JAR not found: run 'mvn -B package' first" >&2; exit 2; }
case "$AOT_SET" in all | action) ;; *) echo "error: --aot must be all or action (got '$AOT_SET')" >&2; exit 2 ;; esac
[ -d "$FIXTURES" ] || { echo "error: fixtures directory $FIXTURES not found" >&2; exit 2; }

log() { echo "[build-runtime] $*"; }

# 1. Modules: those jdeps lists for the jar, less four that only optional code paths of libraries
#    reach, each written to run without them (the module's absence is checked before use):
#      java.desktop   java.beans in jackson's Java7SupportImpl (loaded reflectively), commons-lang3's
#                     circuit breakers and snakeyaml's bean introspector (YAML is read through
#                     jackson's tree, never into beans); with it come AWT, fonts and sound;
#      java.sql       jackson's and gson's java.sql.Date/Timestamp adapters, used only for those
#                     types, which no class here has;
#      java.xml       jackson's javax.xml/DOM (de)serializers, looked up by class name (10.8 MB of
#                     classes: a quarter of the modules image);
#      java.compiler  an enum in errorprone's annotations, never read at run time.
#    No service-only providers are added: TLS (https to the GitHub API, rediss://) and its elliptic
#    curves are in java.base since JDK 22, host names resolve through the system's resolver, and
#    every file is UTF-8 (jdk.charsets, 1.2 MB, and the JNDI DNS provider, 0.5 MB, were unused).
#    The runtime test (scripts/test-runtime.sh) and the container test run the action without them.
log "jdeps $JAR"
MODULES="$("$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps -q \
  --list-deps "$JAR" | sed -E 's|^ +||; s|/.*||' | grep -vxE 'java\.(desktop|sql|xml|compiler)' | sort -u | paste -sd, -)"
log "modules: $MODULES"

rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
log "jlink -> $OUT"
"$JAVA_HOME/bin/jlink" \
  --add-modules "$MODULES" \
  --strip-debug --no-man-pages --no-header-files \
  --compress "${SOAK_JLINK_COMPRESS:-zip-6}" \
  --output "$OUT"
# Native symbol tables (5 MB of libjvm.so) only make a crash log more readable; the exported
# symbols stay. objcopy is there where binutils is (the JDK images install it).
if command -v objcopy >/dev/null 2>&1; then
  find "$OUT" -type f -name '*.so' -exec objcopy --strip-unneeded {} \;
fi
# A JDK whose jmods carry separate debug info (Debian's openjdk-25) hands jlink lib/**/*.debuginfo
# too: 686 MB for arm64, libjvm's alone 682 MB. The JVM never reads them; Temurin ships none.
find "$OUT" -type f -name '*.debuginfo' -delete
if "$OUT/bin/java" --list-modules | grep -qE '^java\.(desktop|sql|xml)@'; then
  echo "error: java.desktop, java.sql or java.xml ended up in the runtime (a module now requires it)" >&2
  exit 1
fi

mkdir -p "$OUT/lib/app"
cp "$JAR" "$OUT/lib/app/soak-analyzer.jar"

# Flags shared by the training run and the launcher: an AOT cache is only used by a JVM started
# with a compatible configuration (same jar path, same GC).
# A bounded heap: 100k windows need well under 256 MB; raise with SOAK_JAVA_OPTS=-Xmx1g.
JVM_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx256m -Xss2m"
printf '%s\n' "$JVM_FLAGS" > "$OUT/lib/app/jvm.flags"
# The image's entry point: `java @lib/app/java.args SUBCOMMAND...` (the java launcher reads options
# and the main class from the file; no shell needed). It names the action's cache, which serves
# every command there. JDK_JAVA_OPTIONS adds options, as SOAK_JAVA_OPTS does for the launcher.
{
  printf '%s\n' $JVM_FLAGS
  printf '%s\n' "-XX:AOTCache=$OUT/lib/app/soak-analyzer.aot" -cp "$OUT/lib/app/soak-analyzer.jar" dev.soakanalyzer.cli.Main
} > "$OUT/lib/app/java.args"

cat > "$OUT/bin/soak-analyzer" <<'LAUNCHER'
#!/usr/bin/env bash
# soak-analyzer on its trimmed runtime, with the AOT cache made by a training run.
# bash, not sh: dash drops environment variables whose names hold a hyphen, and the runner passes
# action inputs exactly so (INPUT_ITER-GLOB).
# BASH_SOURCE, not $0: bin/soak-analyzer sources this file (one bash process less per start).
SELF="${BASH_SOURCE[0]}"
[[ "$SELF" == */* ]] || SELF="./$SELF"
HERE="$(cd "${SELF%/*}/.." && pwd)"
APP="$HERE/lib/app"
# Three caches: the action's (GitHub client, Redis, the whole action path), a lean one for the
# CLI (analyze and friends) and a tiny one for a lone --help or --version. A cache loads every class
# it holds at start-up, so a run must not pay for the classes of another family.
CACHE="$APP/cli.aot"
case "${1:-}" in
  action) CACHE="$APP/soak-analyzer.aot" ;;
  -h | --help | -V | --version) [ $# -eq 1 ] && CACHE="$APP/meta.aot" ;;
esac
[ -f "$CACHE" ] || CACHE="$APP/soak-analyzer.aot"
AOT=""
if [ -f "$CACHE" ]; then
  AOT="-XX:AOTCache=$CACHE"
fi
# `read`, not $(cat ...): no extra process on every start.
read -r -a FLAGS < "$APP/jvm.flags"
# shellcheck disable=SC2086
# -cp and the main class, not -jar: the same class path as the training runs, and no manifest to
# read and verify at start-up.
exec "$HERE/bin/java" "${FLAGS[@]}" $AOT ${SOAK_JAVA_OPTS:-} \
  -cp "$APP/soak-analyzer.jar" dev.soakanalyzer.cli.Main "$@"
LAUNCHER
chmod +x "$OUT/bin/soak-analyzer"

# 2. Training run: the whole action path (ingest of every fixture shape, analysis, reports, step
#    summary, outputs, annotations, and the PR comment through the GitHub client) in a fake runner
#    environment, against a local fake of the GitHub API (no network).
TRAIN="$(mktemp -d)"
FAKE_PID=""
trap '[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null; rm -rf "$TRAIN"' EXIT
cp -r "$FIXTURES" "$TRAIN/fixtures"
cat > "$TRAIN/event.json" <<'EVENT'
{"number":7,"pull_request":{"number":7,"head":{"sha":"0","repo":{"full_name":"acme/mm-bot"}},
 "base":{"repo":{"full_name":"acme/mm-bot"}}},"repository":{"full_name":"acme/mm-bot"}}
EVENT
"$JAVA_HOME/bin/java" "$ROOT/scripts/FakeGitHubApi.java" "$TRAIN/port" "$TRAIN/posted" &
FAKE_PID=$!
for _ in $(seq 300); do [ -s "$TRAIN/port" ] && break; sleep 0.1; done
[ -s "$TRAIN/port" ] || { echo "error: the fake GitHub API for the training run did not start" >&2; exit 1; }
log "training run for the AOT cache"
(
  cd "$TRAIN"
  env -i PATH="$PATH" HOME="$TRAIN" \
    GITHUB_ACTIONS=true GITHUB_WORKSPACE="$TRAIN" GITHUB_EVENT_NAME=pull_request \
    GITHUB_EVENT_PATH="$TRAIN/event.json" GITHUB_REPOSITORY=acme/mm-bot \
    GITHUB_API_URL="http://127.0.0.1:$(cat "$TRAIN/port")" INPUT_GITHUB-TOKEN=training \
    GITHUB_STEP_SUMMARY="$TRAIN/summary.md" GITHUB_OUTPUT="$TRAIN/outputs" \
    "INPUT_ITER-GLOB=fixtures/**/ITER_SUMMARY_*.json" "INPUT_OUT-DIR=reports" \
    "INPUT_MIN-WINDOWS=24" "INPUT_COMMENT=true" "INPUT_STEP-SUMMARY=true" \
    "$OUT/bin/java" $JVM_FLAGS -XX:AOTCacheOutput="$OUT/lib/app/soak-analyzer.aot" \
      -cp "$OUT/lib/app/soak-analyzer.jar" dev.soakanalyzer.cli.Main action > "$TRAIN/train.log" 2>&1 \
    || { cat "$TRAIN/train.log" >&2; echo "error: training run failed" >&2; exit 1; }
)
[ -f "$OUT/lib/app/soak-analyzer.aot" ] || { echo "error: no AOT cache was written" >&2; exit 1; }
if [ "$AOT_SET" = all ]; then
  log "training run for the CLI's AOT cache (analyze on every fixture shape, one-directory glob, help, a bad flag)"
  # One JVM runs several command lines (cli.AotTraining, '::' between them): a cache holds what its
  # one training run loaded. Same class path as the launcher's, so the cache matches. The same analyze
  # twice: the second replaces existing reports, as most real runs do (backups, kept permissions).
  (
    cd "$TRAIN"
    "$OUT/bin/java" $JVM_FLAGS -XX:AOTCacheOutput="$OUT/lib/app/cli.aot" \
      -cp "$OUT/lib/app/soak-analyzer.jar" dev.soakanalyzer.cli.AotTraining \
      --version :: --help :: analyze --help :: analyze --min-windows x :: \
      analyze --iter-glob "fixtures/soak_crit/ITER_SUMMARY_*.json" --out-dir flat-reports --min-windows 1 :: \
      analyze --iter-glob "fixtures/soak_crit/ITER_SUMMARY_*.json" --out-dir flat-reports --min-windows 1 :: \
      analyze --iter-glob "fixtures/**/ITER_SUMMARY_*.json" --out-dir cli-reports --verbose \
      > "$TRAIN/train-cli.log" 2>&1 \
      || { cat "$TRAIN/train-cli.log" >&2; echo "error: CLI training run failed" >&2; exit 1; }
  )
  log "training run for the --help/--version AOT cache"
  (
    cd "$TRAIN"
    "$OUT/bin/java" $JVM_FLAGS -XX:AOTCacheOutput="$OUT/lib/app/meta.aot" \
      -cp "$OUT/lib/app/soak-analyzer.jar" dev.soakanalyzer.cli.AotTraining --version :: --help \
      > "$TRAIN/train-meta.log" 2>&1 \
      || { cat "$TRAIN/train-meta.log" >&2; echo "error: --help training run failed" >&2; exit 1; }
  )
  [ -f "$OUT/lib/app/meta.aot" ] || { echo "error: no --help AOT cache was written" >&2; exit 1; }
  [ -f "$OUT/lib/app/cli.aot" ] || { echo "error: no CLI AOT cache was written" >&2; exit 1; }
fi

# 3. Smoke test of the launcher with the cache (fails loudly if the cache is rejected).
SOAK_JAVA_OPTS="-XX:+AOTClassLinking -Xlog:aot=error" "$OUT/bin/soak-analyzer" --version > /dev/null
SOAK_JAVA_OPTS="-XX:+AOTClassLinking -Xlog:aot=error" "$OUT/bin/soak-analyzer" analyze --help > /dev/null
SOAK_JAVA_OPTS="-XX:+AOTClassLinking -Xlog:aot=error" "$OUT/bin/soak-analyzer" action --help > /dev/null
"$OUT/bin/java" -Xlog:aot=error "@$OUT/lib/app/java.args" --version > /dev/null
log "runtime ready: $OUT ($(du -sh "$OUT" | cut -f1)), launcher $OUT/bin/soak-analyzer"
