#!/usr/bin/env bash
# The container test: builds the repository's Dockerfile, unchanged, with podman and runs the image
# the way GitHub runs a Docker container action:
#   docker run --workdir /github/workspace --rm -e INPUT_ITER-GLOB -e HOME -e GITHUB_* ...
#     -v _temp/_github_home:/github/home -v _temp/_github_workflow:/github/workflow
#     -v _temp/_runner_file_commands:/github/file_commands -v <checkout>:/github/workspace IMAGE
# with every input of action.yml passed (defaults included, hyphenated names), the event payload
# in /github/workflow/event.json, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a fake GitHub API
# on 127.0.0.1. Containers get --network none, or the host's network only where the PR comment goes
# to that loopback fake; nothing reaches any other address.
# Base images come from scripts/container-images.sh (local stand-ins; no registry needed).
# Asserts reports, outputs, step summary, PR comment and exit codes (OK, WARN, CRIT + exit-on-crit,
# CRIT, no match), then prints the image size and the start-to-exit time on fixtures/soak_warn.
#
# Env: KEEP=1 keeps the work directory; SOAK_CACHE_DIR, SOAK_JDK25: see container-images.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/container-env.sh
. "$ROOT/scripts/container-env.sh"
container_env_setup

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

scripts/container-images.sh build >/dev/null

# One tag per checkout, so two clones on one machine never test each other's image.
CHECKOUT_ID="$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
IMAGE="localhost/soak-analyzer:test-$CHECKOUT_ID"
BUILD_LOG="$SOAK_CACHE_DIR/build-$CHECKOUT_ID.log"
t0=$(date +%s%N)
if ! retry_once "$BUILD_LOG" podman build --pull=never --network host -q -t "$IMAGE" -f Dockerfile .; then
  tail -n 60 "$BUILD_LOG" >&2
  fail "podman build of the Dockerfile failed (full log: $BUILD_LOG)"
fi
build_ms=$(ms_since "$t0")
# Intermediate images of builds older than two days only take disk space.
podman image prune -f --filter until=48h >/dev/null 2>&1 || true

WORK="$(mktemp -d)"
FAKE_PID=""
cleanup() {
  [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/workspace" "$WORK/home" "$WORK/workflow" "$WORK/file_commands"
cp -r fixtures "$WORK/workspace/fixtures"
cp src/test/resources/github/pull_request_event.json "$WORK/workflow/event.json"

JAVA_BIN="${SOAK_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
[ -x "$JAVA_BIN" ] || JAVA_BIN=java
"$JAVA_BIN" scripts/FakeGitHubApi.java "$WORK/port" "$WORK/posted" &
FAKE_PID=$!
for _ in $(seq 300); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || fail "the fake GitHub API did not start"
PORT="$(cat "$WORK/port")"

# Every input of action.yml with its default, as the runner passes them (INPUT_<NAME>, upper case,
# hyphens kept); github-token's default expression becomes a token.
mapfile -t DEFAULTS < <(awk '
  /^inputs:/ {in_inputs=1; next}
  /^[a-z]/ {in_inputs=0}
  in_inputs && /^  [a-z0-9-]+:$/ {name=substr($1, 1, length($1)-1)}
  in_inputs && /^    default:/ {v=$0; sub(/^    default: */, "", v); gsub(/^'\''|'\''$/, "", v);
    print "INPUT_" toupper(name) "=" v}' action.yml)
[ "${#DEFAULTS[@]}" -ge 10 ] || fail "could not read the inputs of action.yml (found ${#DEFAULTS[@]})"

# run NAME NETWORK [INPUT_X=V...]: one action step; prints the exit code.
run() {
  local name="$1" network="$2"
  shift 2
  local out="set_output_$name" summary="step_summary_$name"
  : >"$WORK/file_commands/$out"
  : >"$WORK/file_commands/$summary"
  local args=()
  for kv in "${DEFAULTS[@]}" "INPUT_GITHUB-TOKEN=ghs_container_test_token" "INPUT_OUT-DIR=reports/$name" "$@"; do
    args+=(-e "$kv")
  done
  set +e
  podman run --rm --network "$network" --workdir /github/workspace \
    -v "$WORK/home:/github/home" -v "$WORK/workflow:/github/workflow" \
    -v "$WORK/file_commands:/github/file_commands" -v "$WORK/workspace:/github/workspace" \
    -e HOME=/github/home -e CI=true -e GITHUB_ACTIONS=true -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
    -e GITHUB_REPOSITORY=acme/mm-bot -e GITHUB_SHA=0123456789abcdef -e GITHUB_RUN_ID=42 \
    -e GITHUB_SERVER_URL=https://github.com -e "GITHUB_API_URL=http://127.0.0.1:$PORT" \
    -e "GITHUB_OUTPUT=/github/file_commands/$out" -e "GITHUB_STEP_SUMMARY=/github/file_commands/$summary" \
    -e RUNNER_OS=Linux -e RUNNER_TEMP=/github/home \
    "${args[@]}" "$IMAGE" >"$WORK/$name.log" 2>&1
  local rc=$?
  set -e
  echo "$rc"
}
# output NAME KEY: one output of step NAME (heredoc form KEY<<DELIM).
output() { awk -v n="$2" '$0 ~ "^"n"<<" {getline; print; exit}' "$WORK/file_commands/set_output_$1"; }
expect_rc() {
  [ "$2" = "$3" ] || {
    cat "$WORK/$1.log" >&2
    fail "$1: exit code $2, expected $3"
  }
}

# WARN with the PR comment: the only step that needs a network (the fake on the host's loopback).
rc=$(run warn host "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json")
expect_rc warn "$rc" 0
[ "$(output warn verdict)" = WARN ] || fail "warn: verdict output '$(output warn verdict)'"
[ "$(output warn windows)" = 24 ] || fail "warn: windows output '$(output warn windows)'"
[ "$(output warn report-path)" = reports/warn/POST_SOAK_ANALYSIS.md ] || fail "warn: report-path output"
[ "$(output warn summary-path)" = reports/warn/SOAK_SUMMARY.json ] || fail "warn: summary-path output"
[ -n "$(output warn comment-url)" ] || fail "warn: no comment-url output (PR comment through the container)"
for f in POST_SOAK_ANALYSIS.md VIOLATIONS.json RECOMMENDATIONS.md SOAK_SUMMARY.json; do
  [ -s "$WORK/workspace/reports/warn/$f" ] || fail "warn: reports/warn/$f not written in the workspace"
done
grep -q 'soak-analyzer:comment out-dir=reports/warn' "$WORK/posted" || fail "warn: PR comment marker not posted"
grep -q 'Soak Analysis Summary' "$WORK/posted" || fail "warn: PR comment layout"
grep -q 'Soak Analysis' "$WORK/file_commands/step_summary_warn" || fail "warn: step summary not written"
grep -q '^::add-mask::ghs_container_test_token$' "$WORK/warn.log" || fail "warn: token not masked"
grep -q '^::warning title=' "$WORK/warn.log" || fail "warn: no ::warning annotation"
if grep -q 'ghs_container_test_token' "$WORK/workspace/reports/warn/"* "$WORK/file_commands/step_summary_warn"; then
  fail "warn: the token appears in a report or the step summary"
fi

# Timed: the same WARN run with no network at all (no PR comment), three times (median).
times=()
for _ in 1 2 3; do
  t0=$(date +%s%N)
  rc=$(run warn_offline none "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json" "INPUT_COMMENT=false")
  times+=("$(ms_since "$t0")")
  expect_rc warn_offline "$rc" 0
  [ "$(output warn_offline verdict)" = WARN ] || fail "warn_offline: verdict output"
done
offline_ms="$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p) ms (runs: ${times[*]} ms)"

rc=$(run ok none "INPUT_ITER-GLOB=fixtures/soak_ok/ITER_SUMMARY_*.json" "INPUT_EXIT-ON-CRIT=true")
expect_rc ok "$rc" 0
[ "$(output ok verdict)" = OK ] || fail "ok: verdict output '$(output ok verdict)'"
[ "$(output ok crit-count)" = 0 ] || fail "ok: crit-count output"
[ -z "$(output ok comment-url)" ] || fail "ok: a comment-url without a network"

rc=$(run crit_strict none "INPUT_ITER-GLOB=fixtures/soak_crit/ITER_SUMMARY_*.json" "INPUT_EXIT-ON-CRIT=true" "INPUT_COMMENT=false")
expect_rc crit_strict "$rc" 1
[ "$(output crit_strict verdict)" = CRIT ] || fail "crit_strict: verdict output"
grep -q '^::error' "$WORK/crit_strict.log" || fail "crit_strict: no ::error annotation"
grep -q '"level"' "$WORK/workspace/reports/crit_strict/VIOLATIONS.json" || fail "crit_strict: VIOLATIONS.json holds no violation"

rc=$(run crit none "INPUT_ITER-GLOB=fixtures/soak_crit/ITER_SUMMARY_*.json" "INPUT_COMMENT=false")
expect_rc crit "$rc" 0
[ "$(output crit verdict)" = CRIT ] || fail "crit: verdict output"

rc=$(run none none "INPUT_ITER-GLOB=nothing/ITER_SUMMARY_*.json")
expect_rc none "$rc" 2
grep -q 'error: no ITER_SUMMARY windows matched' "$WORK/none.log" || fail "none: no-match message"

# Baseline (issue 22): main's soak keeps its SOAK_SUMMARY.json; a PR soak with one degraded
# metric is compared with it and fail-on-regression fails the step; a rerun of main is not; a PR
# without a baseline yet only warns and says "no baseline".
rc=$(run base_main none "INPUT_ITER-GLOB=fixtures/baseline_main/ITER_SUMMARY_*.json" "INPUT_COMMENT=false" "GITHUB_REF_NAME=main")
expect_rc base_main "$rc" 0
mkdir -p "$WORK/workspace/soak-baseline"
cp "$WORK/workspace/reports/base_main/SOAK_SUMMARY.json" "$WORK/workspace/soak-baseline/"
grep -q '"lag1"' "$WORK/workspace/soak-baseline/SOAK_SUMMARY.json" || fail "base_main: SOAK_SUMMARY.json without lag1"
rc=$(run base_pr host "INPUT_ITER-GLOB=fixtures/baseline_pr_regressed/ITER_SUMMARY_*.json" "INPUT_BASELINE=soak-baseline" "INPUT_FAIL-ON-REGRESSION=true")
expect_rc base_pr "$rc" 1
[ "$(output base_pr regressions)" = 1 ] || fail "base_pr: regressions output '$(output base_pr regressions)'"
[ "$(output base_pr baseline-ref)" = main@0123456 ] || fail "base_pr: baseline-ref output '$(output base_pr baseline-ref)'"
grep -q 'Worse than main@' "$WORK/posted" || fail "base_pr: the PR comment does not list 'Worse than main@...'"
grep -q 'Worse than main@' "$WORK/file_commands/step_summary_base_pr" || fail "base_pr: step summary without 'Worse than'"
rc=$(run base_rerun none "INPUT_ITER-GLOB=fixtures/baseline_main_rerun/ITER_SUMMARY_*.json" "INPUT_BASELINE=soak-baseline" "INPUT_FAIL-ON-REGRESSION=true" "INPUT_COMMENT=false")
expect_rc base_rerun "$rc" 0
[ "$(output base_rerun regressions)" = 0 ] || fail "base_rerun: regressions output '$(output base_rerun regressions)'"
rc=$(run base_first none "INPUT_ITER-GLOB=fixtures/baseline_pr_regressed/ITER_SUMMARY_*.json" "INPUT_BASELINE=no-baseline-yet" "INPUT_FAIL-ON-REGRESSION=true" "INPUT_COMMENT=false")
expect_rc base_first "$rc" 0
grep -q 'warn: baseline no-baseline-yet not found' "$WORK/base_first.log" || fail "base_first: no warning for the missing baseline"
grep -q 'no baseline' "$WORK/file_commands/step_summary_base_first" || fail "base_first: the summary does not say 'no baseline'"

size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo "container test passed"
echo "image: $IMAGE, $((size / 1000000)) MB; podman build ${build_ms} ms (layer cache: $([ "$build_ms" -lt 15000 ] && echo warm || echo rebuilt))"
echo "container start-to-exit on fixtures/soak_warn (podman run, --network none, no PR comment): median ${offline_ms}"
