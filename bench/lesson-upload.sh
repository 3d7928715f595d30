#!/usr/bin/env bash
# The classic lesson's 400 photos uploaded through the real Gather page (LessonUploadBench): the
# built jar on the embedded defaults with a fresh temporary data directory, headless Chromium
# dropping 2 × 200 generated JPEGs (about 25 KB) onto the two class cards, timed from the drop
# until both cards show 200 images; then the same photos posted straight to the endpoint, one per
# request from 8 clients and 16 per request from 3. Last line:
#   lesson-upload photos=400 seconds=<s> photos_per_second=<r>
# Needs the jar (./mvnw package) and Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium).
# JAR=path/to/other.jar times another build (e.g. the one before a change) on the same photos.
# BENCH_UPLOAD_SHAPE=files,requests (e.g. 16,2) tries another batching of the page's uploader.
# BENCH_PHOTO_SIZE=512x384 uploads phone-sized JPEGs (about 60 KB) instead of the lesson's 320 x 240.
# No backbone unless BENCH_BACKBONE_DIR names one (then photos are also read by it as they arrive).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd "$ROOT"
[ -n "${JAR:-}" ] || ls target/teachbox-*.jar >/dev/null 2>&1 || { echo "no target/teachbox-*.jar: run ./mvnw package first" >&2; exit 1; }
# the build's fetch step is pointed at an empty folder: the bench needs no backbone, and no download
export TEACHBOX_BACKBONE_DIR="$ROOT/target/no-backbone"
./mvnw -B -ntp -q -o test-compile >&2
source "$ROOT/bench/classpath.sh"
CP="$ROOT/target/test-classes:$(bench_classpath)"
"$JAVA" -Djava.awt.headless=true -Dteachbox.jar="${JAR:-}" -cp "$CP" org.teachbox.e2e.LessonUploadBench
