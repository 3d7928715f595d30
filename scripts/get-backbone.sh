#!/usr/bin/env bash
# Fetches the pretrained network photo projects use: Teachable Machine's own copy of the ImageNet
# MobileNetV2 (alpha 0.35, 224 px; Apache-2.0, see the README), a TF.js layers model.json plus
# the weight shards its manifest names. It is downloaded once, here, never at run time, and never
# committed. The files are checked by the app's own loader (tensor names, shapes, 410,208
# parameters) before they are moved into place, so a half or foreign download is never used.
#
#   scripts/get-backbone.sh [--build] [DIR]
#     DIR      where to put it (default $TEACHBOX_BACKBONE_DIR, else ${TEACHBOX_DATA_DIR:-./data}/backbone)
#     --build  as the Maven build calls it: do nothing if a backbone is there already, and only
#              warn (exit 0) when the download fails, e.g. on a machine without internet. A failed
#              try is remembered in DIR.download-failed, so later builds on the same offline
#              machine do not wait for the network again; run this script without --build to
#              try again.
#   TEACHBOX_BACKBONE_URL  another model.json to fetch (a mirror on the school network)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
URL="${TEACHBOX_BACKBONE_URL:-https://storage.googleapis.com/teachable-machine-models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_224_no_top/model.json}"
BUILD=0
if [ "${1:-}" = "--build" ]; then BUILD=1; shift; fi
DIR="${1:-${TEACHBOX_BACKBONE_DIR:-${TEACHBOX_DATA_DIR:-./data}/backbone}}"
FAILED_MARK="$DIR.download-failed"

fail() {
  if [ "$BUILD" = 1 ]; then
    mkdir -p "$(dirname "$FAILED_MARK")" && echo "$(date -u '+%Y-%m-%d %H:%M UTC'): $1" > "$FAILED_MARK" || true
    echo "get-backbone: WARNING: $1" >&2
    echo "get-backbone: WARNING: photo projects will use the small network until the backbone is in $DIR (run scripts/get-backbone.sh)" >&2
    exit 0
  fi
  echo "get-backbone: $1" >&2
  exit 1
}

if [ "$BUILD" = 1 ] && { [ -f "$DIR/model.json" ] || ls "$DIR"/*/model.json "$DIR"/*.zip >/dev/null 2>&1; }; then
  exit 0
fi
if [ "$BUILD" = 1 ] && [ -f "$FAILED_MARK" ]; then
  echo "get-backbone: WARNING: not trying again, the last download failed ($(cat "$FAILED_MARK"));" \
    "run scripts/get-backbone.sh to retry. Photo projects use the small network until then." >&2
  exit 0
fi
rm -f "$FAILED_MARK"
if [ -f "$DIR/model.json" ]; then
  echo "get-backbone: $DIR already holds a model.json; remove it first to fetch again" >&2
  exit 0
fi

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLASSES="$ROOT/target/classes"
[ -f "$CLASSES/org/teachbox/pretrained/VerifyBackbone.class" ] || fail "build the project first (./mvnw compile): the check needs target/classes"
command -v curl >/dev/null || fail "curl is needed to download the backbone"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/backbone.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
get() { curl -fsSL --connect-timeout 10 --max-time 300 --retry 2 -o "$2" "$1"; }

echo "get-backbone: downloading $URL"
get "$URL" "$TMP/model.json" || fail "could not download $URL"
BASE="${URL%/*}"
# The shard names in the manifest's "paths" lists; each must be a plain file name.
SHARDS="$(tr -d '\n\r' < "$TMP/model.json" | grep -o '"paths"[[:space:]]*:[[:space:]]*\[[^]]*\]' \
  | sed 's/^"paths"[[:space:]]*:[[:space:]]*\[//; s/\]$//' | tr ',' '\n' | tr -d ' "\t')" || true
[ -n "$SHARDS" ] || fail "$URL has no weightsManifest paths: not a TF.js layers model"
for shard in $SHARDS; do
  [[ "$shard" =~ ^[A-Za-z0-9._-]+$ ]] && [[ "$shard" != .* ]] || fail "refusing the shard name '$shard'"
  get "$BASE/$shard" "$TMP/$shard" || fail "could not download $BASE/$shard"
done

"$JAVA" -cp "$CLASSES" org.teachbox.pretrained.VerifyBackbone "$TMP" || fail "the downloaded files are not the expected backbone"
mkdir -p "$(dirname "$DIR")"
rm -rf "$DIR.partial"
cp -r "$TMP" "$DIR.partial"
if [ -d "$DIR" ]; then rmdir "$DIR" 2>/dev/null || fail "$DIR exists and is not empty"; fi
mv "$DIR.partial" "$DIR"
echo "get-backbone: installed into $DIR"
