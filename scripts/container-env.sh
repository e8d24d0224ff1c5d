# Sourced by the container scripts: the cache directory, and a containers.conf for podman/buildah
# that suits this kind of machine: the runc runtime (crun rejects a hybrid cgroup layout) and
# default ulimits (nofile, nproc) within the machine's hard limits (a container may not raise them).
# shellcheck shell=bash

die() {
  echo "error: $*" >&2
  exit 2
}

container_env_setup() {
  command -v podman >/dev/null 2>&1 \
    || die "podman not found: on Debian, apt-get install -y podman buildah runc debootstrap (or run scripts/test, which installs them)"
  command -v runc >/dev/null 2>&1 || die "runc not found: apt-get install -y runc"
  SOAK_CACHE_DIR="${SOAK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/soak-analyzer}"
  mkdir -p "$SOAK_CACHE_DIR"
  local nofile nproc
  nofile="$(ulimit -Hn)"
  [ "$nofile" = unlimited ] && nofile=1048576
  # nproc: the hard limit, but not above kernel.pid_max (this kernel refuses a larger value).
  nproc="$(ulimit -Hu)"
  local pid_max
  pid_max="$(cat /proc/sys/kernel/pid_max 2>/dev/null || echo 32768)"
  if [ "$nproc" = unlimited ] || [ "$nproc" -gt "$pid_max" ]; then nproc="$pid_max"; fi
  local conf="$SOAK_CACHE_DIR/containers.conf"
  local want
  want="$(printf '%s\n' '# written by scripts/container-env.sh' '[containers]' \
    "default_ulimits = [\"nofile=$nofile:$nofile\", \"nproc=$nproc:$nproc\"]" '[engine]' 'runtime = "runc"')"
  if [ ! -f "$conf" ] || [ "$(cat "$conf")" != "$want" ]; then
    printf '%s\n' "$want" >"$conf.tmp.$$" && mv "$conf.tmp.$$" "$conf"
  fi
  export SOAK_CACHE_DIR
  export CONTAINERS_CONF="$conf"
}

# retry_once LOG CMD...: runs CMD (output to LOG); a failure is retried once, since a transient
# network error (the Debian mirror, Maven Central) should not fail a test run. Returns CMD's status.
retry_once() {
  local log="$1"
  shift
  "$@" >"$log" 2>&1 && return 0
  echo "[container] retrying once after a failure of: $* (log: $log.1)" >&2
  mv "$log" "$log.1"
  "$@" >"$log" 2>&1
}
