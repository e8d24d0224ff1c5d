#!/usr/bin/env bash
# Assembles the image's whole root file system, distroless-style: the trimmed runtime and, taken
# from the system this runs on, only what that runtime loads:
#   - the shared libraries of the ldd closure of every ELF file in the runtime (glibc's libc, libm,
#     libdl, libpthread, librt and the loader; zlib only where the JDK does not bundle it, which
#     Temurin does), plus libgcc_s, which glibc itself opens to unwind a cancelled thread;
#   - the CA bundle /etc/ssl/certs/ca-certificates.crt (tools and an SSL_CERT_FILE-style setup
#     expect it; Java reads its own lib/security/cacerts);
#   - /etc/passwd, /etc/group and /etc/nsswitch.conf for root and nobody, and /tmp (the JVM's
#     perf data).
# No shell, no package manager, no coreutils. Usage: scripts/build-rootfs.sh RUNTIME_DIR ROOTFS_DIR
# The runtime lands at the same absolute path inside ROOTFS_DIR: its AOT cache names the jar's path.
set -euo pipefail
RUNTIME="${1:?usage: scripts/build-rootfs.sh RUNTIME_DIR ROOTFS_DIR}"
ROOTFS="${2:?usage: scripts/build-rootfs.sh RUNTIME_DIR ROOTFS_DIR}"
RUNTIME="$(cd "$RUNTIME" && pwd)"
die() {
  echo "error: $*" >&2
  exit 2
}
[ -x "$RUNTIME/bin/java" ] || die "$RUNTIME/bin/java not found: build the runtime first (scripts/build-runtime.sh)"
command -v ldd >/dev/null 2>&1 || die "ldd not found (Debian: libc-bin)"
rm -rf "$ROOTFS"
mkdir -p "$ROOTFS"

# -L: the runtime's own links (legal notices, a cacerts that links to the system store) become
# files, so nothing points outside the image. -p keeps the jar's time, which its AOT cache checks.
mkdir -p "$ROOTFS$(dirname "$RUNTIME")"
cp -pRL "$RUNTIME" "$ROOTFS$RUNTIME"
# The bash launcher cannot run without bash; the entry point is bin/java @lib/app/java.args.
rm -f "$ROOTFS$RUNTIME/bin/soak-analyzer"

# put PATH: the file PATH resolves to, copied to the same path in the root file system.
put() {
  [ -e "$ROOTFS$1" ] && return 0
  mkdir -p "$ROOTFS$(dirname "$1")"
  cp -L "$1" "$ROOTFS$1"
}

missing=""
while IFS= read -r -d '' elf; do
  head -c 4 "$elf" | grep -q 'ELF' || continue
  while read -r line; do
    case "$line" in
      # Loaded by then: the JVM's own libraries find libjvm through the process, not a run path.
      "libjvm.so => not found") continue ;;
      *"not found"*) missing="$missing ${elf#"$RUNTIME"/}: $line;" && continue ;;
      *"=> /"*) lib="${line#*=> }" && lib="${lib%% (*}" ;;
      /*) lib="${line%% (*}" ;;
      *) continue ;; # the vDSO
    esac
    # The runtime's own libraries (libjli, libjava, ...) are already in place.
    case "$(realpath -m "$lib")" in "$RUNTIME"/*) continue ;; esac
    put "$lib"
  done < <(ldd "$elf" 2>/dev/null || true)
done < <(find "$RUNTIME" -type f \( -name '*.so' -o -perm -u+x \) -print0)
[ -z "$missing" ] || die "libraries not found on this system for:$missing"
[ -n "$(find "$ROOTFS" -name 'libc.so.*' -print -quit)" ] || die "ldd found no libc: is $RUNTIME/bin/java dynamically linked?"

libc_dir="$(dirname "$(find "$ROOTFS" -name 'libc.so.*' -print -quit)")"
libc_dir="${libc_dir#"$ROOTFS"}"
[ -e "$libc_dir/libgcc_s.so.1" ] && put "$libc_dir/libgcc_s.so.1"
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  put /etc/ssl/certs/ca-certificates.crt
else
  die "/etc/ssl/certs/ca-certificates.crt not found (Debian: ca-certificates)"
fi

mkdir -p "$ROOTFS/etc" "$ROOTFS/tmp" "$ROOTFS/root"
chmod 1777 "$ROOTFS/tmp"
chmod 700 "$ROOTFS/root"
printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
  >"$ROOTFS/etc/passwd"
printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$ROOTFS/etc/group"
printf '%s\n' 'passwd: files' 'group: files' 'hosts: files dns' >"$ROOTFS/etc/nsswitch.conf"
echo "[build-rootfs] $ROOTFS: $(du -sh "$ROOTFS" | cut -f1) ($(du -sh "$ROOTFS$RUNTIME" | cut -f1) runtime)"
