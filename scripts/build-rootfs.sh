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
# No shell, no package manager, no coreutils.
#
# Usage: scripts/build-rootfs.sh RUNTIME_DIR OUT_DIR
# writes three trees, one image layer each, in the order of how often they change:
#   OUT_DIR/os    the system files above                          (changes with the base image)
#   OUT_DIR/jdk   the runtime without lib/app                     (changes with the JDK or modules)
#   OUT_DIR/app   lib/app: the jar, its AOT cache, java.args      (changes with every commit)
# Three layers are pulled and unpacked in parallel. The runtime keeps its absolute path (its AOT
# cache names the jar's path) and its files' times (the cache checks the jar's).
set -euo pipefail
RUNTIME="${1:?usage: scripts/build-rootfs.sh RUNTIME_DIR OUT_DIR}"
OUT="${2:?usage: scripts/build-rootfs.sh RUNTIME_DIR OUT_DIR}"
RUNTIME="$(cd "$RUNTIME" && pwd)"
die() {
  echo "error: $*" >&2
  exit 2
}
[ -x "$RUNTIME/bin/java" ] || die "$RUNTIME/bin/java not found: build the runtime first (scripts/build-runtime.sh)"
command -v ldd >/dev/null 2>&1 || die "ldd not found (Debian: libc-bin)"
rm -rf "$OUT"
mkdir -p "$OUT/os" "$OUT/jdk$(dirname "$RUNTIME")" "$OUT/app$RUNTIME/lib"

# -L: the runtime's own links (legal notices, a cacerts that links to the system store) become
# files, so nothing points outside the image. -p keeps the jar's time, which its AOT cache checks.
cp -pRL "$RUNTIME" "$OUT/jdk$RUNTIME"
mv "$OUT/jdk$RUNTIME/lib/app" "$OUT/app$RUNTIME/lib/app"
# The bash launcher cannot run without bash; the entry point is bin/java @lib/app/java.args.
rm -f "$OUT/jdk$RUNTIME/bin/soak-analyzer" "$OUT/app$RUNTIME/lib/app/jvm.flags"
ROOTFS="$OUT/os"

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
echo "[build-rootfs] $OUT: os $(du -sh "$OUT/os" | cut -f1), jdk $(du -sh "$OUT/jdk" | cut -f1), app $(du -sh "$OUT/app" | cut -f1)"
