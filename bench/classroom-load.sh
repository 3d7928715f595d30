#!/usr/bin/env bash
# A class on one server through the real UI (ClassroomLoadBench): the built jar on the embedded
# defaults with a fresh temporary data directory, and N learners. Each creates a project, uploads
# 3 × 30 pictures, presses Train, waits for the verdict (opening "Advanced" every 2 s meanwhile)
# and previews 10 pictures. The learners are played by
#   DRIVER=wire     (default) a client that speaks Vaadin's own protocol to the same pages, the
#                   same upload endpoints and push, at a few percent of the machine; or
#   DRIVER=browser  a tab each in one headless Chromium driven by Playwright, which on a 2-core
#                   machine uses most of the CPU itself (the pupils' computers' share).
# Last line:
#   students=<N> last_verdict_s=<s> ui_p95_ms=<ms> errors=<n> lost=<n>
# The line before it says how much CPU the server and the driver (browsers included) used.
#   bash bench/classroom-load.sh            # 10 learners, photos through the pretrained network
#   STUDENTS=30 bash bench/classroom-load.sh
#   KIND=image bash bench/classroom-load.sh # the small network from scratch
#   STUDENTS=30 FROM_SCRATCH=3 ...           the first 3 of them train the small network, the rest the kind;
#                                            a classroom-load-group line each says click-to-verdict times
#   WARMUP=3 ...   three learners go through the lesson first, as on a server that is not fresh
# Needs the jar (./mvnw package), Debian's chromium (CHROMIUM_PATH, default /usr/bin/chromium) and
# a backbone for the pretrained kind (BENCH_BACKBONE_DIR, default ../shared/backbones/tm-export-a).
# JAR=path/to/other.jar times another build on the same class; BENCH_OPTS="-Dstill=false" keeps
# the pages' animations, "-Dbrowser.nice=0" runs the browser at the server's priority.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
cd "$ROOT"
[ -n "${JAR:-}" ] || ls target/teachbox-*.jar >/dev/null 2>&1 || { echo "no target/teachbox-*.jar: run ./mvnw package first" >&2; exit 1; }
BACKBONE="${BENCH_BACKBONE_DIR:-$ROOT/../shared/backbones/tm-export-a}"
# the build's fetch step is pointed at an empty folder: no download during the bench
export TEACHBOX_BACKBONE_DIR="$ROOT/target/no-backbone"
./mvnw -B -ntp -q -o test-compile >&2
source "$ROOT/bench/classpath.sh"
CP="$ROOT/target/test-classes:$(bench_classpath)"
"$JAVA" -Djava.awt.headless=true -Dteachbox.jar="${JAR:-}" -Dteachbox.backbone.dir="$BACKBONE" \
  -Dteachbox.app.jvm-options="${SERVER_JVM_OPTIONS:-}" -Dstudents="${STUDENTS:-10}" -Dkind="${KIND:-pretrained}" -Ddriver="${DRIVER:-wire}" -Dwarmup="${WARMUP:-0}" -DfromScratch="${FROM_SCRATCH:-0}" \
  ${BENCH_OPTS:-} -cp "$CP" org.teachbox.e2e.ClassroomLoadBench
