#!/usr/bin/env bash
# Paired start-to-exit of two action images on fixtures/soak_warn, run as the runner runs them
# (podman run, workspace and file-command mounts, hyphenated INPUT_* variables, --network none,
# no PR comment), alternating A and B so both see the same machine load. Prints each run, the
# medians and the ratio B/A.
#
#   scripts/bench-image.sh IMAGE_A IMAGE_B [RUNS]     (default 9 runs each)
# e.g. scripts/bench-image.sh localhost/soak-analyzer:old localhost/soak-analyzer-test-ID:vX-linux-amd64
# An image whose entry point already says `action` (images before runs.args) gets no arguments;
# the others get `action`, as action.yml's runs.args passes it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/container-env.sh
. "$ROOT/scripts/container-env.sh"
container_env_setup
A="${1:?usage: scripts/bench-image.sh IMAGE_A IMAGE_B [RUNS]}"
B="${2:?usage: scripts/bench-image.sh IMAGE_A IMAGE_B [RUNS]}"
RUNS="${3:-9}"
for image in "$A" "$B"; do
  podman image exists "$image" || die "no image $image in the local store"
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/workspace" "$WORK/home" "$WORK/workflow" "$WORK/file_commands"
cp -r "$ROOT/fixtures" "$WORK/workspace/fixtures"
cp "$ROOT/src/test/resources/github/pull_request_event.json" "$WORK/workflow/event.json"

# args IMAGE: what the runner appends for it.
args() {
  case "$(podman image inspect --format '{{json .Config.Entrypoint}}' "$1")" in
    *'"action"]') ;;
    *) echo action ;;
  esac
}
# once IMAGE: milliseconds from podman run to the container's exit.
once() {
  : >"$WORK/file_commands/out"
  local t0 rc
  t0=$(date +%s%N)
  set +e
  # shellcheck disable=SC2046
  podman run --rm --network none --workdir /github/workspace \
    -v "$WORK/home:/github/home" -v "$WORK/workflow:/github/workflow" \
    -v "$WORK/file_commands:/github/file_commands" -v "$WORK/workspace:/github/workspace" \
    -e HOME=/github/home -e CI=true -e GITHUB_ACTIONS=true -e GITHUB_WORKSPACE=/github/workspace \
    -e GITHUB_EVENT_NAME=pull_request -e GITHUB_EVENT_PATH=/github/workflow/event.json \
    -e GITHUB_REPOSITORY=acme/mm-bot -e GITHUB_OUTPUT=/github/file_commands/out \
    -e GITHUB_STEP_SUMMARY=/github/file_commands/summary -e RUNNER_TEMP=/github/home \
    -e "INPUT_ITER-GLOB=fixtures/soak_warn/ITER_SUMMARY_*.json" -e INPUT_OUT-DIR=reports/bench \
    -e INPUT_COMMENT=false -e INPUT_MIN-WINDOWS=24 -e INPUT_STEP-SUMMARY=true \
    "$1" $(args "$1") >"$WORK/log" 2>&1
  rc=$?
  set -e
  [ "$rc" = 0 ] && grep -q 'verdict<<' "$WORK/file_commands/out" || {
    cat "$WORK/log" >&2
    die "$1 exited $rc without a verdict"
  }
  echo $((($(date +%s%N) - t0) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

once "$A" >/dev/null && once "$B" >/dev/null # warm the page cache for both
ta=() tb=()
for _ in $(seq "$RUNS"); do
  ta+=("$(once "$A")")
  tb+=("$(once "$B")")
done
ma="$(median "${ta[@]}")" mb="$(median "${tb[@]}")"
echo "A $A: ${ta[*]} ms (median $ma ms)"
echo "B $B: ${tb[*]} ms (median $mb ms)"
awk -v a="$ma" -v b="$mb" 'BEGIN {printf "B/A start-to-exit (medians): %.2fx\n", b / a}'
