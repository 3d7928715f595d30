#!/usr/bin/env bash
# How many webcam pictures a second the Preview page answers in the browser, with the project's
# own model on TensorFlow.js' WebAssembly backend (one thread), in headless Chromium with its fake
# camera: BrowserPreviewIT with the page's 15-a-second cap lifted. It trains a small CNN and a
# pretrained project on circles and squares, then prints one line per kind:
#   BROWSER-PREVIEW kind=<image|pretrained> agreed=<n> near_ties=<k> checked=<m> largest_gap=<p> Runs in this browser: <fps> ...
# "agreed" counts the frames (one every 2 s) where the server, answering the pixels of the same
# JPEG with its own copy of the model, names the same class; "near_ties" the other frames where
# the server's two best classes were level within twice the gap. Needs Debian's chromium (CHROMIUM_PATH).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd "$ROOT"
./mvnw -B -ntp verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='BrowserPreviewIT#the*Network*' -DbrowserPreview.uncapped=true 2>&1 \
  | grep -E '^BROWSER-PREVIEW|Tests run:|BUILD' 
