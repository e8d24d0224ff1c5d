#!/usr/bin/env bash
# Provides, in the local podman image store, the base images the Dockerfile and the Testcontainers
# Redis tests name, so `podman build --pull=never` works on a machine that reaches no container
# registry (only Debian's package mirror and Maven Central):
#   debian:bookworm-slim            debootstrap --variant=minbase from the mirror apt uses here
#   eclipse-temurin:25-jdk          that + the machine's Temurin 25 at /opt/java/openjdk + binutils
#                                   (jlink --strip-debug needs objcopy) + the host's Java trust store
#   maven:3.9-eclipse-temurin-25    that + Maven 3.9 (from Maven Central) at /usr/share/maven
#   redis:7                         the Debian base + Debian's redis-server
# Stand-ins are tagged localhost/NAME, which podman finds for the short name NAME, and marked with
# the label dev.soakanalyzer.stand-in=true. An image already in the store is kept: the store is
# the cache between runs (rebuild one with `podman rmi localhost/NAME`).
#
# Usage: scripts/container-images.sh [all|build|redis]   (default all)
# Env:   SOAK_CACHE_DIR   downloads and the containers.conf (default ~/.cache/soak-analyzer)
#        SOAK_JDK25       the JDK copied into the JDK image (default /usr/lib/jvm/temurin-25-jdk-amd64)
#        SOAK_MAVEN_VERSION  Maven 3.9.x release for the Maven image (default 3.9.11)
#        SOAK_BASE_IMAGES=pull  pull the real images with docker instead (see pull_all)
# Prints, as its last line, the CONTAINERS_CONF to export for podman/buildah run by the caller.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WHAT="${1:-all}"
case "$WHAT" in all | build | redis) ;; *)
  echo "error: unknown argument '$WHAT' (all, build or redis)" >&2
  exit 2
  ;;
esac
# shellcheck source=scripts/container-env.sh
. "$ROOT/scripts/container-env.sh"
container_env_setup

JDK="${SOAK_JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
MAVEN_VERSION="${SOAK_MAVEN_VERSION:-3.9.11}"
LABEL="dev.soakanalyzer.stand-in=true"
log() { echo "[container-images] $*" >&2; }

for tool in buildah debootstrap flock; do
  command -v "$tool" >/dev/null 2>&1 \
    || die "$tool not found: on Debian, apt-get install -y podman buildah runc debootstrap (or run scripts/test, which installs them)"
done

# One builder at a time per machine: a second run waits and then finds the images made.
exec 9>"$SOAK_CACHE_DIR/images.lock"
flock -w 1800 9 || die "another scripts/container-images.sh held $SOAK_CACHE_DIR/images.lock for 30 minutes"

have() { podman image exists "localhost/$1"; }

# SOAK_BASE_IMAGES=pull (a machine with a Docker engine that reaches a registry, e.g. a GitHub
# runner): the real images, pulled by docker and handed to podman, instead of the stand-ins.
pull_all() {
  command -v docker >/dev/null 2>&1 || die "SOAK_BASE_IMAGES=pull needs the docker command"
  local name
  for name in "$@"; do
    have "$name" && continue
    log "docker pull $name -> podman"
    docker pull -q "$name" >/dev/null || die "docker pull $name failed"
    docker save "$name" | podman load -q >/dev/null || die "podman load of $name failed"
    podman tag "$name" "localhost/$name"
  done
}

# The Debian mirror as apt is configured on this machine (deb822 .sources or one-line lists).
debian_mirror() {
  local m
  m="$(grep -hs -A3 -E '^Types:.*deb' /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk '/^URIs:/ {print $2}' | grep -v -- '-security' | head -n 1 || true)"
  if [ -z "$m" ]; then
    m="$(grep -hs -E '^deb +(\[[^]]*\] +)?[a-z]+://' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | grep -v -- '-security' | sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{print $1}' | head -n 1 || true)"
  fi
  [ -n "$m" ] || die "no Debian mirror found in /etc/apt/sources.list*: debootstrap needs the mirror apt uses"
  echo "$m"
}

# bootstrap DIR MIRROR: a minimal Debian bookworm in DIR (emptied first, so a retry starts clean).
bootstrap() {
  find "$1" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
  debootstrap --variant=minbase bookworm "$1" "$2"
}

build_debian() {
  have debian:bookworm-slim && return 0
  local mirror rootfs
  mirror="$(debian_mirror)"
  rootfs="$(mktemp -d "$SOAK_CACHE_DIR/rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs"' RETURN
  log "debootstrap --variant=minbase bookworm (Debian's mirror as apt uses it; a few minutes, once)"
  retry_once "$SOAK_CACHE_DIR/debootstrap.log" bootstrap "$rootfs" "$mirror" \
    || die "debootstrap failed (log: $SOAK_CACHE_DIR/debootstrap.log)"
  # apt inside the image is configured as on this machine (same mirror and Acquire settings).
  rm -f "$rootfs/etc/apt/sources.list"
  cp -a /etc/apt/sources.list.d/. "$rootfs/etc/apt/sources.list.d/" 2>/dev/null || true
  [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$rootfs/etc/apt/sources.list"
  cp -a /etc/apt/apt.conf.d/. "$rootfs/etc/apt/apt.conf.d/"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  log "podman import -> debian:bookworm-slim"
  tar -C "$rootfs" -c . | podman import -q --change 'CMD ["bash"]' --change "LABEL $LABEL" \
    - localhost/debian:bookworm-slim >/dev/null
}

# apt_in CONTAINER PACKAGE...: installs Debian packages in a buildah working container.
apt_in() {
  local c="$1"
  shift
  retry_once "$SOAK_CACHE_DIR/apt-$c.log" buildah run --network host "$c" -- sh -c \
    "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $* && rm -rf /var/lib/apt/lists/*" \
    || die "apt-get install $* in an image failed (log: $SOAK_CACHE_DIR/apt-$c.log)"
}

build_jdk() {
  have eclipse-temurin:25-jdk && return 0
  [ -x "$JDK/bin/jlink" ] || die "no JDK 25 at $JDK: install Temurin 25 or set SOAK_JDK25=/path/to/jdk-25"
  log "eclipse-temurin:25-jdk <- $JDK + binutils + the host's Java trust store"
  local c
  c="$(buildah from --pull-never localhost/debian:bookworm-slim)"
  buildah copy "$c" "$JDK" /opt/java/openjdk >/dev/null
  # The JDK's cacerts is a link to the host's trust store: copy the store itself.
  buildah run "$c" -- rm -f /opt/java/openjdk/lib/security/cacerts
  buildah copy "$c" "$(readlink -f "$JDK/lib/security/cacerts")" /opt/java/openjdk/lib/security/cacerts >/dev/null
  apt_in "$c" binutils ca-certificates
  buildah config --env JAVA_HOME=/opt/java/openjdk --env 'PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --env LANG=C.UTF-8 --label "$LABEL" --cmd jshell "$c"
  buildah commit -q --rm "$c" localhost/eclipse-temurin:25-jdk >/dev/null
}

build_maven() {
  have maven:3.9-eclipse-temurin-25 && return 0
  local tarball="$SOAK_CACHE_DIR/apache-maven-$MAVEN_VERSION-bin.tar.gz"
  if [ ! -s "$tarball" ]; then
    log "Maven $MAVEN_VERSION from Maven Central"
    (cd "$SOAK_CACHE_DIR" && mvn -B -q -Dstyle.color=never dependency:copy \
      "-Dartifact=org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin" \
      -DoutputDirectory="$SOAK_CACHE_DIR" >"$SOAK_CACHE_DIR/maven-download.log" 2>&1) \
      || die "could not fetch Maven $MAVEN_VERSION (log: $SOAK_CACHE_DIR/maven-download.log)"
  fi
  log "maven:3.9-eclipse-temurin-25 <- eclipse-temurin:25-jdk + Maven $MAVEN_VERSION"
  local c
  c="$(buildah from --pull-never localhost/eclipse-temurin:25-jdk)"
  buildah add "$c" "$tarball" /usr/share/ >/dev/null
  buildah run "$c" -- sh -c "mv /usr/share/apache-maven-$MAVEN_VERSION /usr/share/maven && ln -s /usr/share/maven/bin/mvn /usr/bin/mvn"
  buildah config --env MAVEN_HOME=/usr/share/maven --label "$LABEL" --cmd mvn "$c"
  buildah commit -q --rm "$c" localhost/maven:3.9-eclipse-temurin-25 >/dev/null
}

build_redis() {
  have redis:7 && return 0
  log "redis:7 <- debian:bookworm-slim + Debian's redis-server"
  local c
  c="$(buildah from --pull-never localhost/debian:bookworm-slim)"
  apt_in "$c" redis-server
  buildah run "$c" -- mkdir -p /data
  buildah config --workingdir /data --label "$LABEL" --port 6379 --cmd redis-server "$c"
  buildah commit -q --rm "$c" localhost/redis:7 >/dev/null
}

if [ "${SOAK_BASE_IMAGES:-standin}" = pull ]; then
  case "$WHAT" in
    all) pull_all debian:bookworm-slim eclipse-temurin:25-jdk maven:3.9-eclipse-temurin-25 redis:7 ;;
    build) pull_all debian:bookworm-slim eclipse-temurin:25-jdk maven:3.9-eclipse-temurin-25 ;;
    redis) pull_all redis:7 ;;
  esac
  echo "$CONTAINERS_CONF"
  exit 0
fi

build_debian
case "$WHAT" in
  all) build_jdk; build_maven; build_redis ;;
  build) build_jdk; build_maven ;;
  redis) build_redis ;;
esac
echo "$CONTAINERS_CONF"
