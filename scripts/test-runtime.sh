#!/usr/bin/env bash
# Runs `soak-analyzer action` through the built runtime (build/runtime, with its AOT cache) in a
# simulated runner: hyphenated INPUT_* variables, a pull_request event payload, GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY files and a local fake of the GitHub API. Builds the runtime when missing.
# Prints the start-to-exit time of the action on the WARN fixture and the runtime's size.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNTIME="${RUNTIME:-$ROOT/build/runtime}"
if [ ! -x "$RUNTIME/bin/soak-analyzer" ]; then
  if [ ! -f "$ROOT/target/soak-analyzer.jar" ]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests -Dspotless.check.skip=true)
  fi
  "$ROOT/scripts/build-runtime.sh" --out "$RUNTIME"
fi

fail() { echo "FAIL: $*" >&2; exit 1; }

WORK="$(mktemp -d)"
FAKE_PID=""
cleanup() { [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT
cp -r "$ROOT/fixtures" "$WORK/fixtures"
cp "$ROOT/src/test/resources/github/pull_request_event.json" "$WORK/event.json"

JAVA_BIN="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA_BIN" ] || JAVA_BIN=java
"$JAVA_BIN" "$ROOT/scripts/FakeGitHubApi.java" "$WORK/port" "$WORK/posted" &
FAKE_PID=$!
for _ in $(seq 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || fail "the fake GitHub API did not start"
PORT="$(cat "$WORK/port")"

# run NAME [VAR=VALUE...]: runs the action with the runner's variables plus the given ones.
run() {
  local name="$1"; shift
  : > "$WORK/$name.out"; : > "$WORK/$name.summary"
  set +e
  env -i PATH="$PATH" HOME="$WORK" \
    GITHUB_ACTIONS=true GITHUB_WORKSPACE="$WORK" GITHUB_EVENT_NAME=pull_request \
    GITHUB_EVENT_PATH="$WORK/event.json" GITHUB_REPOSITORY=acme/mm-bot \
    GITHUB_API_URL="http://127.0.0.1:$PORT" GITHUB_SERVER_URL=https://github.com GITHUB_RUN_ID=42 \
    GITHUB_OUTPUT="$WORK/$name.out" GITHUB_STEP_SUMMARY="$WORK/$name.summary" \
    "INPUT_GITHUB-TOKEN=ghs_runtime_test_token" "INPUT_OUT-DIR=reports/$name" "$@" \
    "$RUNTIME/bin/soak-analyzer" action > "$WORK/$name.log" 2>&1
  local rc=$?
  set -e
  echo "$rc"
}

# output FILE NAME: the value of one heredoc output.
# The last value of an output, as the runner keeps it (comment-url is written twice).
output() { awk -v n="$2" '$0 ~ "^"n"<<" {getline; v=$0} END {print v}' "$1"; }

start=$(date +%s%N)
rc=$(run warn "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json")
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
start_nc=$(date +%s%N)
rc_nc=$(run nocomment "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json" "INPUT_COMMENT=false")
nc_ms=$(( ($(date +%s%N) - start_nc) / 1000000 ))
[ "$rc_nc" = 0 ] || fail "run without comment exited $rc_nc"
[ "$rc" = 0 ] || { cat "$WORK/warn.log"; fail "WARN run exited $rc"; }
[ "$(output "$WORK/warn.out" verdict)" = WARN ] || fail "verdict output"
[ "$(output "$WORK/warn.out" windows)" = 24 ] || fail "windows output"
[ "$(output "$WORK/warn.out" report-path)" = reports/warn/POST_SOAK_ANALYSIS.md ] || fail "report-path output"
[ -n "$(output "$WORK/warn.out" comment-url)" ] || { cat "$WORK/warn.log"; fail "no comment-url (PR comment through the runtime)"; }
grep -q 'soak-analyzer:comment out-dir=reports/warn' "$WORK/posted" || fail "comment marker not posted"
grep -q 'Soak Analysis Summary' "$WORK/posted" || fail "comment layout"
grep -q 'Soak Analysis' "$WORK/warn.summary" || fail "step summary"
grep -q '^::add-mask::ghs_runtime_test_token$' "$WORK/warn.log" || fail "token not masked"
grep -q '^::warning title=' "$WORK/warn.log" || fail "no annotation"
[ -f "$WORK/reports/warn/VIOLATIONS.json" ] || fail "reports not written"

rc=$(run crit "INPUT_ITER-GLOB=fixtures/soak_crit/ITER_SUMMARY_*.json" "INPUT_EXIT-ON-CRIT=true" "INPUT_COMMENT=false")
[ "$rc" = 1 ] || fail "CRIT with exit-on-crit exited $rc, expected 1"
rc=$(run crit2 "INPUT_ITER-GLOB=fixtures/soak_crit/ITER_SUMMARY_*.json" "INPUT_COMMENT=false")
[ "$rc" = 0 ] || fail "CRIT without exit-on-crit exited $rc, expected 0"
rc=$(run none "INPUT_ITER-GLOB=nothing/ITER_SUMMARY_*.json")
[ "$rc" = 2 ] || fail "no match exited $rc, expected 2"
grep -q "error: no ITER_SUMMARY windows matched" "$WORK/none.log" || fail "no-match message"

echo "runtime test passed"
echo "start-to-exit of the action on fixtures/soak_warn (PR comment to a local fake): ${elapsed_ms} ms"
echo "start-to-exit without the PR comment: ${nc_ms} ms"
echo "runtime size: $(du -sh "$RUNTIME" | cut -f1) ($RUNTIME)"
