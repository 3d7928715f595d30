#!/usr/bin/env bash
# Benchmarks the Teachbox engine against PyTorch on RefCNN (64x64x3, batch 16, 2 threads, 3 classes,
# random data), in one run so both see the same machine load. Prints the engine's line, the
# classroom-project timing, PyTorch's line and, last, exactly:
#   ratio train=<engine/torch img/s> infer_ms=<engine> torch_infer_ms=<torch>
# Environment: TORCH_REF (default ../shared/bench/torch_ref.py next to the repo), JAVA_HOME
# (Java 21+; defaults to Temurin 25 if present), PYTHON (default /usr/bin/python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TORCH_REF="${TORCH_REF:-$ROOT/../shared/bench/torch_ref.py}"
PYTHON="${PYTHON:-/usr/bin/python3}"
SIZE=64 BATCH=16 THREADS=2

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

# The engine has no dependencies, so plain javac builds it (and the bench main from src/test)
# in a few seconds, without the app's frontend build.
OUT="$ROOT/target/bench-classes"
rm -rf "$OUT"
mkdir -p "$OUT"
"$JAVAC" --add-modules jdk.incubator.vector -d "$OUT" $(find "$ROOT/src/main/java/org/teachbox/engine" -name '*.java') \
  "$ROOT/src/test/java/org/teachbox/engine/bench/EngineBench.java"

if ! "$PYTHON" -c 'import torch' 2>/dev/null; then
  echo "installing python3-torch (Debian's PyTorch) ..." >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y python3-torch >&2
fi
[ -f "$TORCH_REF" ] || { echo "torch reference not found: $TORCH_REF (set TORCH_REF)" >&2; exit 1; }

ENGINE_OUT="$("$JAVA" --add-modules jdk.incubator.vector -cp "$OUT" org.teachbox.engine.bench.EngineBench "$SIZE" "$BATCH" "$THREADS")"
echo "$ENGINE_OUT"
TORCH_OUT="$("$PYTHON" "$TORCH_REF" --size "$SIZE" --batch "$BATCH" --threads "$THREADS")"
echo "$TORCH_OUT"

field() { echo "$1" | grep -o "$2=[0-9.]*" | head -1 | cut -d= -f2; }
ENGINE_LINE="$(echo "$ENGINE_OUT" | grep '^engine ')"
E_RATE="$(field "$ENGINE_LINE" train_img_per_s)"
E_MS="$(field "$ENGINE_LINE" infer_ms)"
T_RATE="$(field "$TORCH_OUT" train_img_per_s)"
T_MS="$(field "$TORCH_OUT" infer_ms)"
RATIO="$(awk -v e="$E_RATE" -v t="$T_RATE" 'BEGIN { printf "%.2f", e / t }')"
echo "ratio train=$RATIO infer_ms=$E_MS torch_infer_ms=$T_MS"
