#!/usr/bin/env bash
# The release's arm64 leg, rehearsed once on an amd64 machine under emulation (run by hand, not in
# the suite: it takes tens of minutes). Needs root, podman, buildah, debootstrap, qemu-user-static,
# docker-registry, curl and jq; reaches only Debian's mirror and Maven Central.
#   1. registers qemu-aarch64 with binfmt_misc (F flag: usable inside containers) when missing;
#   2. builds arm64 stand-ins of the Dockerfile's base images in a separate image store (the amd64
#      stand-ins keep the same names in the main store): Debian sid arm64 by debootstrap --foreign
#      and a second stage under qemu, plus Debian's openjdk-25 for arm64 (Debian stable has no
#      JDK 25; sid has). The Maven image there is the amd64 stand-in of the main store, its config
#      relabelled arm64: the jar is the same on every platform, so the Dockerfile's build stage runs
#      natively (the kernel runs its amd64 binaries without qemu), and only the runtime stage, whose
#      jlink, AOT training run and rootfs are arm64's own, is emulated. Maven under qemu was far too
#      slow to finish here; the Dockerfile cannot say `FROM --platform=$BUILDPLATFORM` itself, as the
#      legacy builder sets no BUILDPLATFORM (ImageRecipeTest). podman build --pull never takes only
#      an image labelled with the platform built, hence the relabelling;
#   3. scripts/release-image.sh build --platforms linux/arm64 in that store, and pushes it to a
#      registry on loopback; the amd64 image of the same commit comes from the main store (the
#      container test's, built here by the same script when missing or of another commit);
#   4. assembles the index the release pushes (amd64 + arm64), pushes it with the release's push
#      step, checks it lists both platforms, pulls each platform by the index's digest into an
#      empty store and runs it to --version (arm64 under emulation): both must print the same.
# Prints the time of each step and the arm64 image's size.  Usage: sudo scripts/release-arm64-rehearsal.sh
# Env: SOAK_ARM64_DIR (default ~/.cache/soak-analyzer/arm64): the arm64 store and rootfs, kept as
#      a cache between runs; AMD64_IMAGE: the amd64 image to pair (default: the container test's).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/container-env.sh
. "$ROOT/scripts/container-env.sh"
container_env_setup
log() { echo "[arm64] $(date -u +%H:%M:%S) $*" >&2; }
for tool in buildah debootstrap qemu-aarch64-static docker-registry curl jq; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool not found (apt-get install -y buildah debootstrap qemu-user-static docker-registry curl jq)"
done
[ "$(id -u)" = 0 ] || die "run as root (debootstrap, binfmt_misc)"
DIR="${SOAK_ARM64_DIR:-$SOAK_CACHE_DIR/arm64}"
mkdir -p "$DIR"
START=$(date +%s)
since() { echo "$(($(date +%s) - $1)) s"; }

# 1. binfmt_misc
[ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  sed "s|:/usr/libexec/qemu-binfmt/aarch64-binfmt-P:.*|:$(command -v qemu-aarch64-static):F|" \
    /usr/lib/binfmt.d/qemu-aarch64.conf >/proc/sys/fs/binfmt_misc/register
  log "registered qemu-aarch64 with binfmt_misc"
fi

# 2. arm64 stand-ins in their own store
cat >"$DIR/storage.conf" <<STORAGE
[storage]
driver = "overlay"
graphroot = "$DIR/store"
runroot = "$DIR/run"
STORAGE
export CONTAINERS_STORAGE_CONF="$DIR/storage.conf"
have() { podman image exists "localhost/$1"; }
t=$(date +%s)
if ! have debian:bookworm-slim; then
  mirror="$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  rootfs="$DIR/rootfs"
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  log "debootstrap --arch=arm64 --foreign sid (first stage)"
  debootstrap --arch=arm64 --foreign --variant=minbase sid "$rootfs" "$mirror" >"$DIR/debootstrap.log" 2>&1 \
    || die "debootstrap first stage failed (log: $DIR/debootstrap.log)"
  cp "$(command -v qemu-aarch64-static)" "$rootfs/usr/bin/"
  log "debootstrap second stage under qemu"
  chroot "$rootfs" /debootstrap/debootstrap --second-stage >>"$DIR/debootstrap.log" 2>&1 \
    || die "debootstrap second stage failed (log: $DIR/debootstrap.log)"
  echo "deb $mirror sid main" >"$rootfs/etc/apt/sources.list"
  rm -f "$rootfs/usr/bin/qemu-aarch64-static"
  tar -C "$rootfs" -c . | podman import -q --arch arm64 --change 'CMD ["bash"]' - localhost/debian:bookworm-slim >/dev/null
  rm -rf "$rootfs"
fi
log "arm64 Debian base ready ($(since "$t"))"
t=$(date +%s)
if ! have eclipse-temurin:25-jdk; then
  log "eclipse-temurin:25-jdk (arm64) <- Debian's openjdk-25-jdk-headless + binutils + ca-certificates"
  c="$(buildah from --pull-never --arch arm64 localhost/debian:bookworm-slim)"
  # A mirror's sid Release can be past its Valid-Until by this machine's clock.
  buildah run --network host "$c" -- sh -c 'apt-get -o Acquire::Check-Valid-Until=false update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-25-jdk-headless binutils ca-certificates && rm -rf /var/lib/apt/lists/* && mkdir -p /opt/java && ln -s /usr/lib/jvm/java-25-openjdk-arm64 /opt/java/openjdk' \
    >"$DIR/jdk.log" 2>&1 || die "JDK image failed (log: $DIR/jdk.log)"
  # The host's Java trust store, as the amd64 stand-in has it (Maven Central may be reached
  # through a proxy whose CA only the host trusts).
  buildah copy "$c" "$(readlink -f "${SOAK_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/lib/security/cacerts")" /etc/ssl/certs/java/cacerts >/dev/null
  buildah config --env JAVA_HOME=/opt/java/openjdk --env 'PATH=/opt/java/openjdk/bin:/usr/sbin:/usr/bin:/sbin:/bin' --env LANG=C.UTF-8 "$c"
  buildah commit -q --rm "$c" localhost/eclipse-temurin:25-jdk >/dev/null
fi
# The amd64 Maven stand-in, relabelled arm64 (see 2. above); an emulated one from an older run of
# this script is replaced.
NATIVE_LABEL=dev.soakanalyzer.native-build-stage
if [ "$(podman image inspect --format "{{index .Labels \"$NATIVE_LABEL\"}}" localhost/maven:3.9-eclipse-temurin-25 2>/dev/null)" != true ]; then
  log "maven:3.9-eclipse-temurin-25 <- the main store's amd64 stand-in, labelled arm64 (the build stage runs natively)"
  env -u CONTAINERS_STORAGE_CONF scripts/container-images.sh build >/dev/null
  podman rmi -f localhost/maven:3.9-eclipse-temurin-25 >/dev/null 2>&1 || true
  env -u CONTAINERS_STORAGE_CONF podman save -q localhost/maven:3.9-eclipse-temurin-25 | podman load -q >/dev/null
  c="$(buildah from --pull-never localhost/maven:3.9-eclipse-temurin-25)"
  buildah config --arch arm64 --label "$NATIVE_LABEL=true" "$c"
  buildah commit -q --rm "$c" localhost/maven:3.9-eclipse-temurin-25 >/dev/null
  podman image prune -f >/dev/null
fi
log "arm64 JDK and Maven images ready ($(since "$t"))"

# 3. the release's build step, arm64 only, in that store
VERSION="$(sed -n '/<artifactId>soak-analyzer<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)"
TAG="v$VERSION"
NAME=localhost/soak-analyzer-arm64
t=$(date +%s)
log "scripts/release-image.sh build --platforms linux/arm64 (Maven native; jlink, AOT training, rootfs emulated)"
scripts/release-image.sh build --name "$NAME" --tag "$TAG" --platforms linux/arm64 --pull never \
  >"$DIR/build.log" 2>&1 || { tail -n 40 "$DIR/build.log" >&2; die "arm64 build failed (log: $DIR/build.log)"; }
build_s=$(since "$t")
label() { podman image inspect --format "{{index .Labels \"$2\"}}" "$1" 2>/dev/null || true; }
REVISION="$(label "$NAME:$TAG-linux-arm64" org.opencontainers.image.revision)"
[ -n "$REVISION" ] || die "the arm64 image has no revision label"
size_mb() { awk -v b="$1" 'BEGIN {printf "%.1f MB", b / 1e6}'; }
built_size="$(size_mb "$(podman image inspect --format '{{.Size}}' "$NAME:$TAG-linux-arm64")")"
log "arm64 image built ($build_s): $built_size, commit $REVISION"

# 4. registry, index with both platforms, cold pull by digest, --version under emulation
WORK="$(mktemp -d)"
REGISTRY_PID=""
COLD=(podman --root "$WORK/cold/root" --runroot "$WORK/cold/run")
COLD64=(podman --root "$WORK/cold64/root" --runroot "$WORK/cold64/run")
trap '[ -n "$REGISTRY_PID" ] && kill "$REGISTRY_PID"; "${COLD[@]}" rmi -af >/dev/null 2>&1; "${COLD64[@]}" rmi -af >/dev/null 2>&1; rm -rf "$WORK"' EXIT
PORT=$((20000 + RANDOM % 30000))
printf '%s\n' 'version: 0.1' 'log: {level: warn}' "storage: {filesystem: {rootdirectory: $WORK/registry}}" \
  "http: {addr: 127.0.0.1:$PORT}" >"$WORK/registry.yml"
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
REPO="127.0.0.1:$PORT/acme/soak-analyzer"
podman push -q --tls-verify=false "$NAME:$TAG-linux-arm64" "docker://$REPO:$TAG-linux-arm64"
unset CONTAINERS_STORAGE_CONF

# The amd64 image of the same commit, from the main store (built by the release's own step, as the
# container test does, when missing or of another commit).
CHECKOUT_ID="$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
if [ -n "${AMD64_IMAGE:-}" ]; then
  [ "$(label "$AMD64_IMAGE" org.opencontainers.image.revision)" = "$REVISION" ] \
    || die "AMD64_IMAGE=$AMD64_IMAGE is missing or not of commit $REVISION"
else
  AMD64_IMAGE="localhost/soak-analyzer-test-$CHECKOUT_ID:$TAG-linux-amd64"
  if [ "$(label "$AMD64_IMAGE" org.opencontainers.image.revision)" != "$REVISION" ]; then
    t=$(date +%s)
    log "scripts/release-image.sh build --platforms linux/amd64 (the amd64 image of commit $REVISION)"
    scripts/container-images.sh build >/dev/null
    SOAK_REVISION="$REVISION" scripts/release-image.sh build --name "${AMD64_IMAGE%:*}" --tag "$TAG" \
      --platforms linux/amd64 --pull never >"$DIR/build-amd64.log" 2>&1 \
      || { tail -n 40 "$DIR/build-amd64.log" >&2; die "amd64 build failed (log: $DIR/build-amd64.log)"; }
    log "amd64 image built ($(since "$t"))"
  fi
fi
LIST="localhost/soak-analyzer-both:$TAG"
podman manifest exists "$LIST" && podman manifest rm "$LIST" >/dev/null
podman manifest create "$LIST" >/dev/null
podman manifest add "$LIST" "containers-storage:$AMD64_IMAGE" >/dev/null
podman manifest add --tls-verify=false "$LIST" "docker://$REPO:$TAG-linux-arm64" >/dev/null
# The release's push step, from the main store.
t=$(date +%s)
REF="$(scripts/release-image.sh push --name localhost/soak-analyzer-both --tag "$TAG" --to "$REPO" --tls-verify=false | tail -n 1)"
accept='application/vnd.oci.image.index.v1+json,application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json'
manifest() { curl -fs -H "Accept: $accept" "http://127.0.0.1:$PORT/v2/acme/soak-analyzer/manifests/$1"; }
index="$(manifest "${REF##*@}")"
jq -e '[.manifests[].platform.architecture] | contains(["amd64", "arm64"])' <<<"$index" >/dev/null \
  || die "the pushed index does not list both platforms: $index"
arm64_digest="$(jq -r '.manifests[] | select(.platform.architecture == "arm64") | .digest' <<<"$index")"
pushed_size="$(size_mb "$(manifest "$arm64_digest" | jq '[.layers[].size] | add')")"
log "index pushed with amd64 and arm64 ($(since "$t")): $REF; arm64 layers as pushed: $pushed_size"
t=$(date +%s)
"${COLD[@]}" pull -q --tls-verify=false --platform linux/arm64 "$REF" >/dev/null
[ "$("${COLD[@]}" image inspect --format '{{.Architecture}}' "$REF")" = arm64 ] || die "the pulled image is not arm64"
out="$("${COLD[@]}" run --rm --network none --platform linux/arm64 "$REF" --version)"
log "arm64 image pulled by digest into an empty store and run under emulation ($(since "$t")): $out"
t=$(date +%s)
"${COLD64[@]}" pull -q --tls-verify=false --platform linux/amd64 "$REF" >/dev/null
out64="$("${COLD64[@]}" run --rm --network none "$REF" --version)"
log "amd64 image pulled by digest into another empty store and run ($(since "$t")): $out64"
[ "$out" = "$out64" ] || die "arm64 says '$out', amd64 says '$out64'"
echo "arm64 rehearsal passed in $(since "$START") (arm64 image build $build_s, $built_size as built, $pushed_size pushed): $out"
