#!/usr/bin/env bash
# Benchmarks the engine's pretrained MobileNetV2 (Teachable Machine's frozen backbone) against
# PyTorch in one run, on the same 20 pictures at 224 px: Fashion-MNIST test images scaled up with
# PIL (or drawn pictures when the dataset is absent). Java gives its embeddings and its timings
# (batch 16 and batch 1, 2 threads); tm_reference.py gives PyTorch's embeddings ("embed") and
# timings ("speed"). The last line is exactly:
#   embed_ms=<java ms/picture, batch 16> torch_embed_ms=<torch, batch 16> ratio=<torch/java>
#   single_ms=<java, batch 1> torch_single_ms=<torch, batch 1> max_abs_diff=<largest difference>
# Environment: BACKBONE (default ../shared/backbones/tm-export-a next to the repo), TM_REF
# (default ../shared/bench/tm_reference.py), JAVA_HOME (Java 21+; Temurin 25 if present),
# PYTHON (default /usr/bin/python3), FASHION (default /usr/share/datasets/fashion-mnist).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BACKBONE="${BACKBONE:-$ROOT/../shared/backbones/tm-export-a}"
TM_REF="${TM_REF:-$ROOT/../shared/bench/tm_reference.py}"
PYTHON="${PYTHON:-/usr/bin/python3}"
FASHION="${FASHION:-/usr/share/datasets/fashion-mnist}"
THREADS=2

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAVAC="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
[ -f "$BACKBONE/model.json" ] || { echo "backbone not found: $BACKBONE (set BACKBONE)" >&2; exit 1; }
[ -f "$TM_REF" ] || { echo "torch reference not found: $TM_REF (set TM_REF)" >&2; exit 1; }

# The engine has no dependencies, so plain javac builds it (and the bench main from src/test).
OUT="$ROOT/target/bench-classes"
rm -rf "$OUT"
mkdir -p "$OUT"
"$JAVAC" -nowarn --add-modules jdk.incubator.vector -d "$OUT" $(find "$ROOT/src/main/java/org/teachbox/engine" -name '*.java') \
  "$ROOT/src/test/java/org/teachbox/engine/bench/BackboneBench.java" 2>&1 | grep -v -i 'incubat\|^1 warning' >&2 || true

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/pictures"
"$PYTHON" - "$FASHION" "$WORK/pictures" <<'PY'
import gzip, os, sys
import numpy as np
from PIL import Image, ImageDraw
src, out = sys.argv[1], sys.argv[2]
path = os.path.join(src, "t10k-images-idx3-ubyte.gz")
if os.path.exists(path):
    raw = np.frombuffer(gzip.open(path).read()[16:], dtype=np.uint8).reshape(-1, 28, 28)
    for i in range(20):
        Image.fromarray(raw[i]).convert("RGB").resize((224, 224), Image.BILINEAR).save(f"{out}/fashion-{i:02d}.png")
else:
    rng = np.random.default_rng(0)
    for i in range(20):
        im = Image.new("RGB", (224, 224), tuple(int(v) for v in rng.integers(0, 256, 3)))
        d = ImageDraw.Draw(im)
        for _ in range(6):
            x, y = rng.integers(0, 180, 2)
            d.ellipse([x, y, x + 44, y + 44], fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
        im.save(f"{out}/drawn-{i:02d}.png")
PY

JAVA_OUT="$("$JAVA" --add-modules jdk.incubator.vector -cp "$OUT" org.teachbox.engine.bench.BackboneBench \
  "$BACKBONE" "$WORK/pictures" "$WORK/java.jsonl" "$THREADS" 2>/dev/null)"
echo "$JAVA_OUT"
"$PYTHON" "$TM_REF" embed "$BACKBONE" "$WORK"/pictures/*.png > "$WORK/torch.jsonl"
TORCH_OUT="$("$PYTHON" "$TM_REF" speed "$BACKBONE")"
echo "$TORCH_OUT"

DIFF="$("$PYTHON" - "$WORK/java.jsonl" "$WORK/torch.jsonl" <<'PY'
import json, sys
java = {j["file"]: j["embedding"] for j in map(json.loads, open(sys.argv[1]))}
torch = {j["file"]: j["embedding"] for j in map(json.loads, open(sys.argv[2]))}
assert sorted(java) == sorted(torch) and len(java) == 20, (len(java), len(torch))
print(f"{max(abs(a - b) for f in java for a, b in zip(java[f], torch[f])):.2e}")
PY
)"

J16="$(echo "$JAVA_OUT" | grep -o 'batch=16 embed_ms=[0-9.]*' | cut -d= -f3)"
J1="$(echo "$JAVA_OUT" | grep -o 'batch=1 embed_ms=[0-9.]*' | cut -d= -f3)"
T16="$(echo "$TORCH_OUT" | grep 'batch=16' | grep -o 'embed_ms=[0-9.]*' | cut -d= -f2)"
T1="$(echo "$TORCH_OUT" | grep 'batch=1 ' | grep -o 'embed_ms=[0-9.]*' | cut -d= -f2)"
RATIO="$(awk -v j="$J16" -v t="$T16" 'BEGIN { printf "%.2f", t / j }')"
echo "single_ratio=$(awk -v j="$J1" -v t="$T1" 'BEGIN { printf "%.2f", t / j }')"
echo "embed_ms=$J16 torch_embed_ms=$T16 ratio=$RATIO single_ms=$J1 torch_single_ms=$T1 max_abs_diff=$DIFF"
