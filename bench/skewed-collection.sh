#!/usr/bin/env bash
# Which bias-lab lessons show a clear effect with the pretrained backbone and which only from
# scratch (SkewedCollectionBench): circles and squares, 40 a class, 20 fair test pictures a class,
# the lab's 30 epochs; skewed collection, shortcut sticker and a class cut to 10%, means over seeds.
# Prints a table, one row per kind.
# Environment: BACKBONE (default ../shared/backbones/tm-export-a), SEEDS (default 3), THREADS (default 2),
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
  org.teachbox.training.SkewedCollectionBench "$BACKBONE" "${SEEDS:-3}" "${THREADS:-2}" 2>/dev/null
