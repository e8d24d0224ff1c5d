#!/usr/bin/env bash
# Points action.yml at exactly one released image, on the release commit:
#   scripts/release-pin-image.sh ghcr.io/OWNER/REPO:vX.Y.Z [action.yml]
# so `uses: OWNER/REPO@vX.Y.Z` runs the image built from that very commit (and the moving `@v2`,
# moved to the newest v2.x release commit, the newest v2.x image). Between releases action.yml says
# `image: 'Dockerfile'`: a ref that is not a release builds its own code.
set -euo pipefail
ref="${1:?usage: scripts/release-pin-image.sh ghcr.io/OWNER/REPO:vX.Y.Z [action.yml]}"
file="${2:-$(cd "$(dirname "$0")/.." && pwd)/action.yml}"
[[ "$ref" =~ ^[a-z0-9][a-z0-9._/-]*:v[0-9]+\.[0-9]+\.[0-9]+$ ]] \
  || { echo "error: image reference '$ref' is not lower-case NAME:vX.Y.Z" >&2; exit 2; }
[ "$(grep -c "^  image: '" "$file")" = 1 ] \
  || { echo "error: $file has no single \"  image: '...'\" line under runs" >&2; exit 2; }
sed -i "s|^  image: '.*'\$|  image: 'docker://$ref'|" "$file"
grep -q "^  image: 'docker://$ref'\$" "$file" || { echo "error: $file was not rewritten" >&2; exit 2; }
