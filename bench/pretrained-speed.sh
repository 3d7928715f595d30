#!/usr/bin/env bash
# How long the pretrained photo kind takes on this machine, through the app's own path
# (PretrainedSpeedBench): what each uploaded picture costs in the backbone, and Train to verdict
# with the classroom defaults once the embeddings exist, for 3 x 50 pictures and for 400 photos.
# Prints one line per size:
#   pretrained classes=<k> pictures=<n> embed_ms_per_picture=<ms> train_to_verdict_s=<s>
# Environment: BACKBONE (default ../shared/backbones/tm-export-a), THREADS (default 2),
# JAVA_HOME (Java 21+; Temurin 25 if present).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACKBONE="${BACKBONE:-$ROOT/../shared/backbones/tm-export-a}"
if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f "$BACKBONE/model.json" ] || { echo "backbone not found: $BACKBONE (set BACKBONE)" >&2; exit 1; }
cd "$ROOT"
export TEACHBOX_BACKBONE_DIR="${TEACHBOX_BACKBONE_DIR:-$BACKBONE}"
./mvnw -B -ntp -q test-compile >&2
source "$ROOT/bench/classpath.sh"
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(bench_classpath)"
"$JAVA" --add-modules jdk.incubator.vector -Xmx2g -Djava.awt.headless=true -cp "$CP" \
  org.teachbox.training.PretrainedSpeedBench "$BACKBONE" "${THREADS:-2}" 2>/dev/null
