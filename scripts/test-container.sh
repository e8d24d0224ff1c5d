#!/usr/bin/env bash
# The container test: builds the repository's Dockerfile, unchanged, with the release's own build
# step (scripts/release-image.sh build, podman) and runs the image the way GitHub runs a Docker
# container action:
#   docker run --workdir /github/workspace --rm -e INPUT_ITER-GLOB -e HOME -e GITHUB_* ...
#     -v _temp/_github_home:/github/home -v _temp/_github_workflow:/github/workflow
#     -v _temp/_runner_file_commands:/github/file_commands -v <checkout>:/github/workspace IMAGE ARGS
# where ARGS are action.yml's runs.args (the runner appends a workflow's `with: args:` only when
# action.yml has none: one run passes such an input to show it is ignored), with every input of
# action.yml passed (defaults included, hyphenated names), the event payload
# in /github/workflow/event.json, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and a fake GitHub API
# on 127.0.0.1. Containers get --network none, or the host's network only where the PR comment goes
# to that loopback fake; nothing reaches any other address.
# Base images come from scripts/container-images.sh (local stand-ins; no registry needed).
# Asserts reports, outputs, step summary, PR comment and exit codes (OK, WARN, CRIT + exit-on-crit,
# CRIT, no match), and that `--version` names the version and commit the image's labels carry.
# Then the release rehearsal: a registry on loopback (Debian's docker-registry), the image pushed
# with the release's own push step, action.yml pinned by tag and digest as a release commit pins it
# (scripts/release-pin-image.sh), pulled by that reference into an empty image store and run as
# GitHub runs it. Prints the image's size as built and as pushed, the start-to-exit time on
# fixtures/soak_warn and the pull-and-run time from a cold store.
#
# Env: KEEP=1 keeps the work directory; SOAK_CACHE_DIR, SOAK_JDK25: see container-images.sh;
#      SOAK_OLD_IMAGE=NAME also pushes that local image and times its cold pull-and-run alongside
#      (how docs/ACTION.md compares with the previous image).
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

for tool in docker-registry curl jq; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found: apt-get install -y docker-registry curl jq (or run scripts/test, which installs them)"
done

scripts/container-images.sh build >/dev/null

# One name per checkout, so two clones on one machine never test each other's image. The tag is
# the pom's version, as the release's is (the Dockerfile checks that the jar reports it).
CHECKOUT_ID="$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
NAME="localhost/soak-analyzer-test-$CHECKOUT_ID"
VERSION="$(sed -n '/<artifactId>soak-analyzer<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)"
[ -n "$VERSION" ] || fail "no <version> after <artifactId>soak-analyzer</artifactId> in pom.xml"
TAG="v$VERSION"
PLATFORM="linux/$(podman info --format '{{.Host.Arch}}')"
IMAGE="$NAME:$TAG-${PLATFORM//\//-}"
BUILD_LOG="$SOAK_CACHE_DIR/build-$CHECKOUT_ID.log"
t0=$(date +%s%N)
if ! retry_once "$BUILD_LOG" scripts/release-image.sh build --name "$NAME" --tag "$TAG" --platforms "$PLATFORM" --pull never; then
  tail -n 60 "$BUILD_LOG" >&2
  fail "the release's image build (scripts/release-image.sh build) failed (full log: $BUILD_LOG)"
fi
build_ms=$(ms_since "$t0")
# Intermediate images of builds older than two days only take disk space.
podman image prune -f --filter until=48h >/dev/null 2>&1 || true

WORK="$(mktemp -d)"
FAKE_PID=""
REGISTRY_PID=""
COLD=(podman --root "$WORK/cold/root" --runroot "$WORK/cold/run")
cleanup() {
  [ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null
  [ -n "$REGISTRY_PID" ] && kill "$REGISTRY_PID" 2>/dev/null
  [ -d "$WORK/cold" ] && "${COLD[@]}" rmi -af >/dev/null 2>&1
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

# What the runner appends after the image: action.yml's runs.args, or, when it has none, the
# workflow's `with: args:` (ContainerActionHandler in actions/runner).
mapfile -t RUNS_ARGS < <(awk '
  /^runs:/ {in_runs=1; next}
  /^[a-z]/ {in_runs=0}
  in_runs && /^  args: *\[.*\] *$/ {
    v=$0; sub(/^  args: *\[/, "", v); sub(/\] *$/, "", v); n=split(v, a, ",")
    for (i=1; i<=n; i++) {gsub(/^ *'\''?|'\''? *$/, "", a[i]); if (a[i] != "") print a[i]}}' action.yml)
HAS_RUNS_ARGS="$(grep -c '^  args:' action.yml || true)"

# run NAME NETWORK [INPUT_X=V...]: one action step, with ENGINE (podman, or podman on another
# store) and RUN_IMAGE; prints the exit code.
ENGINE=(podman)
RUN_IMAGE="$IMAGE"
run() {
  local name="$1" network="$2"
  shift 2
  local out="set_output_$name" summary="step_summary_$name"
  : >"$WORK/file_commands/$out"
  : >"$WORK/file_commands/$summary"
  local args=()
  local command=("${RUNS_ARGS[@]}")
  for kv in "${DEFAULTS[@]}" "INPUT_GITHUB-TOKEN=ghs_container_test_token" "INPUT_OUT-DIR=reports/$name" "$@"; do
    args+=(-e "$kv")
    # shellcheck disable=SC2206 # the runner puts the input's text on docker's command line
    [ "$HAS_RUNS_ARGS" = 0 ] && [ "${kv%%=*}" = INPUT_ARGS ] && command=(${kv#*=})
  done
  set +e
  "${ENGINE[@]}" run --rm --network "$network" --workdir /github/workspace \
    -v "$WORK/home:/github/home" -v "$WORK/workflow:/github/workflow" \
    -v "$WORK/file_commands:/github/file_commands" -v "$WORK/workspace:/github/workspace" \
    -e HOME=/github/home -e CI=true -e GITHUB_ACTIONS=true -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
    -e GITHUB_REPOSITORY=acme/mm-bot -e GITHUB_SHA=0123456789abcdef -e GITHUB_RUN_ID=42 \
    -e GITHUB_SERVER_URL=https://github.com -e "GITHUB_API_URL=http://127.0.0.1:$PORT" \
    -e "GITHUB_OUTPUT=/github/file_commands/$out" -e "GITHUB_STEP_SUMMARY=/github/file_commands/$summary" \
    -e RUNNER_OS=Linux -e RUNNER_TEMP=/github/home \
    "${args[@]}" "$RUN_IMAGE" "${command[@]}" >"$WORK/$name.log" 2>&1
  local rc=$?
  set -e
  echo "$rc"
}
# output NAME KEY: one output of step NAME (heredoc form KEY<<DELIM).
# The last value of an output, as the runner keeps it (comment-url is written twice: empty before
# the comment, so a cancelled step still has its outputs, then the comment's URL).
output() { awk -v n="$2" '$0 ~ "^"n"<<" {getline; v=$0} END {print v}' "$WORK/file_commands/set_output_$1"; }
expect_rc() {
  [ "$2" = "$3" ] || {
    cat "$WORK/$1.log" >&2
    fail "$1: exit code $2, expected $3"
  }
}

# WARN with the PR comment: the only step that needs a network (the fake on the host's loopback).
# The workflow also says `with: args: --bogus extra`, which must not reach the command line.
rc=$(run warn host "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json" "INPUT_ARGS=--bogus extra")
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

# --version names what the labels say: the pom's version and the commit the image was built from.
version_line="$(podman run --rm --network none "$IMAGE" --version 2>&1)"
revision="$(podman image inspect --format '{{index .Labels "org.opencontainers.image.revision"}}' "$IMAGE")"
label_version="$(podman image inspect --format '{{index .Labels "org.opencontainers.image.version"}}' "$IMAGE")"
[ "$label_version" = "$VERSION" ] || fail "version label '$label_version', expected $VERSION"
[ -n "$revision" ] || fail "no org.opencontainers.image.revision label"
[ "$version_line" = "soak-analyzer $VERSION (commit $revision)" ] \
  || fail "--version printed '$version_line', expected 'soak-analyzer $VERSION (commit $revision)'"
[ -n "$(podman image inspect --format '{{index .Labels "org.opencontainers.image.created"}}' "$IMAGE")" ] \
  || fail "no org.opencontainers.image.created label"
# Distroless: nothing to run but the JVM.
if podman run --rm --network none --entrypoint /bin/sh "$IMAGE" -c true >/dev/null 2>&1; then
  fail "the image has a shell"
fi

# --- The release, rehearsed against a registry on loopback ---------------------------------------
free_port() {
  local p
  for p in $(shuf -i 20000-60000 -n 20); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p" && return 0; }
  done
  return 1
}
REG_PORT="$(free_port)" || fail "no free loopback port for the registry"
mkdir -p "$WORK/registry"
printf '%s\n' 'version: 0.1' 'log: {level: warn, accesslog: {disabled: true}}' \
  "storage: {filesystem: {rootdirectory: $WORK/registry}, delete: {enabled: true}}" \
  "http: {addr: 127.0.0.1:$REG_PORT}" >"$WORK/registry.yml"
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$REG_PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$REG_PORT/v2/" >/dev/null || {
  cat "$WORK/registry.log" >&2
  fail "docker-registry did not start on 127.0.0.1:$REG_PORT"
}
REPO="127.0.0.1:$REG_PORT/acme/soak-analyzer"

# The release's push step, then its pin of action.yml (tag and digest), on a copy of action.yml.
t0=$(date +%s%N)
REF="$(scripts/release-image.sh push --name "$NAME" --tag "$TAG" --to "$REPO" --tls-verify=false | tail -n 1)" \
  || fail "scripts/release-image.sh push failed"
push_ms=$(ms_since "$t0")
cp action.yml "$WORK/action.yml"
scripts/release-pin-image.sh "$REF" "$WORK/action.yml" || fail "release-pin-image.sh refused $REF"
PINNED="$(sed -n "s|^  image: 'docker://\(.*\)'\$|\1|p" "$WORK/action.yml")"
[ "$PINNED" = "$REF" ] || fail "action.yml pinned '$PINNED', pushed $REF"

# manifest PATH: a manifest from the registry (an index for a list), as JSON.
manifest() {
  curl -fs -H 'Accept: application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' \
    "http://127.0.0.1:$REG_PORT/v2/acme/soak-analyzer/manifests/$1"
}
index_json="$(manifest "${REF##*@}")" || fail "the registry has no manifest for ${REF##*@}"
platform_digest="$(jq -r --arg os "${PLATFORM%/*}" --arg arch "${PLATFORM#*/}" \
  '.manifests[]? | select(.platform.os == $os and .platform.architecture == $arch) | .digest' <<<"$index_json")"
[ -n "$platform_digest" ] || fail "the pushed index lists no $PLATFORM image: $index_json"
platform_manifest="$(manifest "$platform_digest")"
pushed_bytes="$(jq '[.layers[].size] | add' <<<"$platform_manifest")"
pushed_layers="$(jq -r '[.layers[].size / 100000 | floor / 10 | tostring + " MB"] | join(", ")' <<<"$platform_manifest")"

# cold_pull_and_run REF STEP: from an empty image store, pulls REF and runs the WARN step as the
# runner does; prints "PULL_MS RUN_MS".
cold_pull_and_run() {
  "${COLD[@]}" rmi -af >/dev/null 2>&1 || true
  rm -rf "$WORK/cold"
  local t0 pull_ms run_ms rc
  t0=$(date +%s%N)
  "${COLD[@]}" pull -q --tls-verify=false "$1" >"$WORK/pull-$2.log" 2>&1 || {
    cat "$WORK/pull-$2.log" >&2
    fail "pull of $1 into an empty store failed"
  }
  pull_ms=$(ms_since "$t0")
  ENGINE=("${COLD[@]}")
  RUN_IMAGE="$1"
  t0=$(date +%s%N)
  rc=$(run "$2" none "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json" "INPUT_COMMENT=false")
  run_ms=$(ms_since "$t0")
  ENGINE=(podman)
  RUN_IMAGE="$IMAGE"
  expect_rc "$2" "$rc" 0
  [ "$(output "$2" verdict)" = WARN ] || fail "$2: verdict output '$(output "$2" verdict)'"
  echo "$pull_ms $run_ms"
}
read -r pull_ms run_ms <<<"$(cold_pull_and_run "$PINNED" pinned)"
[ -n "$pull_ms" ] && [ -n "$run_ms" ] || fail "the pinned image did not pull and run from a cold store"
cold_line="pull ${pull_ms} ms + run ${run_ms} ms = $((pull_ms + run_ms)) ms"
old_line=""
if [ -n "${SOAK_OLD_IMAGE:-}" ]; then
  podman push -q --tls-verify=false "$SOAK_OLD_IMAGE" "docker://$REPO:previous" >/dev/null \
    || fail "push of $SOAK_OLD_IMAGE failed"
  old_pushed="$(manifest previous | jq '[.layers[].size] | add')"
  # The previous image's entry point already said `action`, and its action.yml had no runs.args.
  saved_args=("${RUNS_ARGS[@]}")
  RUNS_ARGS=()
  read -r old_pull_ms old_run_ms <<<"$(cold_pull_and_run "$REPO:previous" previous)"
  RUNS_ARGS=("${saved_args[@]}")
  old_size="$(podman image inspect --format '{{.Size}}' "$SOAK_OLD_IMAGE")"
  old_line="
previous image $SOAK_OLD_IMAGE: $((old_size / 1000000)) MB as built, $((old_pushed / 1000000)) MB as pushed; cold pull ${old_pull_ms} ms + run ${old_run_ms} ms = $((old_pull_ms + old_run_ms)) ms"
fi

size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
echo "container test passed"
echo "image: $IMAGE, $((size / 1000000)) MB as built, $((pushed_bytes / 1000000)) MB as pushed (gzip layers); release build ${build_ms} ms (layer cache: $([ "$build_ms" -lt 15000 ] && echo warm || echo rebuilt)), push ${push_ms} ms"
echo "release rehearsal: pushed to a loopback registry (layers: $pushed_layers); action.yml pinned to $PINNED"
echo "pull-and-run from a cold store (WARN fixture, no PR comment): $cold_line$old_line"
echo "container start-to-exit on fixtures/soak_warn (podman run, --network none, no PR comment): median ${offline_ms}"
