#!/usr/bin/env bash
# Points action.yml at exactly one released image, on the release commit:
#   scripts/release-pin-image.sh REGISTRY/OWNER/REPO:vX.Y.Z@sha256:DIGEST [action.yml]
# (the last line scripts/release-image.sh push prints). The tag says which release it is; the digest
# makes the runner pull exactly the image that was built and tested, even if the tag is moved or
# overwritten later (docker and podman pull NAME:TAG@DIGEST by the digest). So
# `uses: OWNER/REPO@vX.Y.Z` runs the image built from that very code (and the moving `@v2`, moved
# to the newest v2.x release commit, the newest v2.x image). Between releases action.yml says
# `image: 'Dockerfile'`: a ref that is not a release builds its own code.
set -euo pipefail
ref="${1:?usage: scripts/release-pin-image.sh REGISTRY/OWNER/REPO:vX.Y.Z@sha256:DIGEST [action.yml]}"
file="${2:-$(cd "$(dirname "$0")/.." && pwd)/action.yml}"
[[ "$ref" =~ ^[a-z0-9][a-z0-9._/:-]*:v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?@sha256:[0-9a-f]{64}$ ]] \
  || { echo "error: image reference '$ref' is not lower-case NAME:vX.Y.Z@sha256:DIGEST" >&2; exit 2; }
[ "$(grep -c "^  image: '" "$file")" = 1 ] \
  || { echo "error: $file has no single \"  image: '...'\" line under runs" >&2; exit 2; }
sed -i "s|^  image: '.*'\$|  image: 'docker://$ref'|" "$file"
grep -qF "  image: 'docker://$ref'" "$file" || { echo "error: $file was not rewritten" >&2; exit 2; }
