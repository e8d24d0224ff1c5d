#!/usr/bin/env bash
# The release's arm64 leg, rehearsed once on an amd64 machine under emulation (run by hand, not in
# the suite: it takes tens of minutes). Needs root, podman, buildah, debootstrap, qemu-user-static,
# docker-registry, curl and jq; reaches only Debian's mirror and Maven Central.
#   1. registers qemu-aarch64 with binfmt_misc (F flag: usable inside containers) when missing;
#   2. builds arm64 stand-ins of the Dockerfile's base images in a separate image store (the amd64
#      stand-ins keep the same names in the main store): Debian sid arm64 by debootstrap --foreign
#      and a second stage under qemu, plus Debian's openjdk-25 for arm64 (Debian stable has no
#      JDK 25; sid has) and Maven;
#   3. scripts/release-image.sh build --platforms linux/arm64 in that store (Maven, jlink and the
#      AOT training run all emulated), and pushes it to a registry on loopback;
#   4. assembles the index the release pushes (the amd64 image of the container test + this arm64
#      one), pushes it, checks it lists both platforms, and runs the arm64 image, pulled by digest
#      into an empty store, to --version under emulation.
# Prints the time of each step.  Usage: sudo scripts/release-arm64-rehearsal.sh
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
if ! have maven:3.9-eclipse-temurin-25; then
  tarball="$(ls "$SOAK_CACHE_DIR"/apache-maven-3.9.*-bin.tar.gz 2>/dev/null | head -n 1)"
  [ -n "$tarball" ] || die "no Maven tarball in $SOAK_CACHE_DIR: run scripts/container-images.sh build first"
  v="$(basename "$tarball" | sed 's/apache-maven-\(.*\)-bin.tar.gz/\1/')"
  c="$(buildah from --pull-never --arch arm64 localhost/eclipse-temurin:25-jdk)"
  buildah add "$c" "$tarball" /usr/share/ >/dev/null
  buildah run "$c" -- sh -c "mv /usr/share/apache-maven-$v /usr/share/maven && ln -s /usr/share/maven/bin/mvn /usr/bin/mvn"
  buildah config --env MAVEN_HOME=/usr/share/maven "$c"
  buildah commit -q --rm "$c" localhost/maven:3.9-eclipse-temurin-25 >/dev/null
fi
log "arm64 JDK and Maven images ready ($(since "$t"))"

# 3. the release's build step, arm64 only, in that store
VERSION="$(sed -n '/<artifactId>soak-analyzer<\/artifactId>/{n;s/.*<version>\(.*\)<\/version>.*/\1/p;q}' pom.xml)"
TAG="v$VERSION"
NAME=localhost/soak-analyzer-arm64
t=$(date +%s)
log "scripts/release-image.sh build --platforms linux/arm64 (emulated Maven, jlink, AOT training)"
scripts/release-image.sh build --name "$NAME" --tag "$TAG" --platforms linux/arm64 --pull never \
  >"$DIR/build.log" 2>&1 || { tail -n 40 "$DIR/build.log" >&2; die "arm64 build failed (log: $DIR/build.log)"; }
build_s=$(since "$t")
log "arm64 image built ($build_s): $(podman image inspect --format '{{.Size}}' "$NAME:$TAG-linux-arm64") bytes"

# 4. registry, index with both platforms, cold pull by digest, --version under emulation
WORK="$(mktemp -d)"
REGISTRY_PID=""
trap '[ -n "$REGISTRY_PID" ] && kill "$REGISTRY_PID"; podman --root "$WORK/cold/root" --runroot "$WORK/cold/run" rmi -af >/dev/null 2>&1; rm -rf "$WORK"' EXIT
PORT=$((20000 + RANDOM % 30000))
printf '%s\n' 'version: 0.1' 'log: {level: warn}' "storage: {filesystem: {rootdirectory: $WORK/registry}}" \
  "http: {addr: 127.0.0.1:$PORT}" >"$WORK/registry.yml"
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
REPO="127.0.0.1:$PORT/acme/soak-analyzer"
podman push -q --tls-verify=false "$NAME:$TAG-linux-arm64" "docker://$REPO:$TAG-linux-arm64"
unset CONTAINERS_STORAGE_CONF
CHECKOUT_ID="$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
AMD64_IMAGE="${AMD64_IMAGE:-localhost/soak-analyzer-test-$CHECKOUT_ID:$TAG-linux-amd64}"
podman image exists "$AMD64_IMAGE" || die "no amd64 image $AMD64_IMAGE: run scripts/test-container.sh first"
LIST="localhost/soak-analyzer-both:$TAG"
podman manifest exists "$LIST" && podman manifest rm "$LIST" >/dev/null
podman manifest create "$LIST" >/dev/null
podman manifest add "$LIST" "containers-storage:$AMD64_IMAGE" >/dev/null
podman manifest add --tls-verify=false "$LIST" "docker://$REPO:$TAG-linux-arm64" >/dev/null
# The release's push step, from the main store.
REF="$(scripts/release-image.sh push --name localhost/soak-analyzer-both --tag "$TAG" --to "$REPO" --tls-verify=false | tail -n 1)"
index="$(curl -fs -H 'Accept: application/vnd.oci.image.index.v1+json' "http://127.0.0.1:$PORT/v2/acme/soak-analyzer/manifests/${REF##*@}")"
jq -e '[.manifests[].platform.architecture] | contains(["amd64", "arm64"])' <<<"$index" >/dev/null \
  || die "the pushed index does not list both platforms: $index"
log "index pushed with amd64 and arm64: $REF"
t=$(date +%s)
COLD=(podman --root "$WORK/cold/root" --runroot "$WORK/cold/run")
"${COLD[@]}" pull -q --tls-verify=false --platform linux/arm64 "$REF" >/dev/null
out="$("${COLD[@]}" run --rm --network none --platform linux/arm64 "$REF" --version)"
[ "$("${COLD[@]}" image inspect --format '{{.Architecture}}' "$REF")" = arm64 ] || die "the pulled image is not arm64"
log "arm64 image pulled by digest into an empty store and run under emulation ($(since "$t")): $out"
echo "arm64 rehearsal passed in $(since "$START") (arm64 image build $build_s): $out"
