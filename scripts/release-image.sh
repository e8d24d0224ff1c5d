#!/usr/bin/env bash
# Builds and pushes the action's image exactly as the release does; release.yml runs these very
# commands against the real registry, the container test (scripts/test-container.sh) against a
# registry on loopback. podman and buildah only (GitHub's Ubuntu runners have both).
#
#   scripts/release-image.sh build --name NAME --tag vX.Y.Z[-PRE] [--platforms P1,P2] [--pull POLICY]
#       builds one image per platform from this checkout's Dockerfile, tagged NAME:TAG-OS-ARCH, and
#       the multi-platform list NAME:TAG holding them. Build arguments: VERSION from the tag,
#       REVISION the checkout's commit (-dirty when it has changes), CREATED that commit's time
#       (reproducible), SOURCE from --source. A foreign platform needs qemu-user-static.
#   scripts/release-image.sh push --name NAME --tag vX.Y.Z[-PRE] --to REGISTRY/REPO [--tls-verify=false]
#       pushes the list (every platform, gzip layers) as REGISTRY/REPO:TAG and, for a final vX.Y.Z,
#       also as :vX.Y and :vX (the moving tags); prints REGISTRY/REPO:TAG@sha256:DIGEST as its last
#       line, the reference scripts/release-pin-image.sh writes into action.yml.
#
# Defaults: --platforms linux/amd64,linux/arm64, --pull missing, --source empty.
# Env: SOAK_REVISION overrides the commit (a checkout without .git, or a rehearsal).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
die() {
  echo "error: $*" >&2
  exit 2
}
log() { echo "[release-image] $*" >&2; }

cmd="${1:-}"
[ $# -gt 0 ] && shift
NAME="" TAG="" TO="" PLATFORMS="linux/amd64,linux/arm64" PULL=missing SOURCE="" TLS_VERIFY=true
while [ $# -gt 0 ]; do
  case "$1" in
    --name) NAME="$2" && shift 2 ;;
    --tag) TAG="$2" && shift 2 ;;
    --to) TO="$2" && shift 2 ;;
    --platforms) PLATFORMS="$2" && shift 2 ;;
    --pull) PULL="$2" && shift 2 ;;
    --source) SOURCE="$2" && shift 2 ;;
    --tls-verify=*) TLS_VERIFY="${1#*=}" && shift ;;
    *) die "unknown argument '$1' (see the header of $0)" ;;
  esac
done
case "$cmd" in build | push) ;; *) die "usage: scripts/release-image.sh build|push --name NAME --tag vX.Y.Z ..." ;; esac
[ -n "$NAME" ] || die "--name NAME is required (e.g. localhost/soak-analyzer)"
[[ "$TAG" =~ ^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] || die "--tag '$TAG' is not vX.Y.Z or vX.Y.Z-PRERELEASE"
LIST="$NAME:$TAG"

# platform_tag linux/arm64 -> TAG-linux-arm64
platform_tag() { echo "$TAG-${1//\//-}"; }

build() {
  local version="${TAG#v}" revision created
  revision="${SOAK_REVISION:-}"
  if [ -z "$revision" ]; then
    revision="$(git rev-parse HEAD 2>/dev/null)" || die "not a git checkout: set SOAK_REVISION=<commit>"
    [ -z "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] || revision="$revision-dirty"
  fi
  created="$(git log -1 --format=%cI "${revision%-dirty}" 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)"
  podman manifest exists "$LIST" 2>/dev/null && podman manifest rm "$LIST" >/dev/null
  podman manifest create "$LIST" >/dev/null
  local p
  for p in ${PLATFORMS//,/ }; do
    log "podman build --platform $p -> $NAME:$(platform_tag "$p") (version $version, commit $revision)"
    podman build --platform "$p" --pull="$PULL" --network host -q \
      --build-arg "VERSION=$version" --build-arg "REVISION=$revision" \
      --build-arg "CREATED=$created" --build-arg "SOURCE=$SOURCE" \
      -t "$NAME:$(platform_tag "$p")" -f Dockerfile . >/dev/null
    podman manifest add "$LIST" "containers-storage:$NAME:$(platform_tag "$p")" >/dev/null
  done
  log "built $LIST ($PLATFORMS)"
}

push() {
  [ -n "$TO" ] || die "--to REGISTRY/REPO is required"
  podman manifest exists "$LIST" || die "no local image list $LIST: run scripts/release-image.sh build first"
  local tags=("$TAG") digest_file
  # A final release also moves vX.Y and vX; a pre-release moves nothing.
  if [[ "$TAG" =~ ^(v[0-9]+)\.([0-9]+)\.[0-9]+$ ]]; then
    tags+=("${BASH_REMATCH[1]}.${BASH_REMATCH[2]}" "${BASH_REMATCH[1]}")
  fi
  digest_file="$(mktemp)"
  trap 'rm -f "$digest_file"' RETURN
  local t
  for t in "${tags[@]}"; do
    log "podman manifest push --all $LIST -> $TO:$t"
    podman manifest push --all --quiet --format oci --tls-verify="$TLS_VERIFY" \
      --digestfile "$digest_file" "$LIST" "docker://$TO:$t" >/dev/null
  done
  local digest
  digest="$(cat "$digest_file")"
  [[ "$digest" =~ ^sha256:[0-9a-f]{64}$ ]] || die "podman wrote no digest for $TO:$TAG (got '$digest')"
  echo "$TO:$TAG@$digest"
}

"$cmd"
