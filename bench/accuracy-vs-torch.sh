#!/usr/bin/env bash
# Held-out accuracy of a from-scratch photo project, the engine against PyTorch on the same
# pictures: 5 Fashion-MNIST classes x 50 training pictures (drawn per seed), scored on the first
# 100 test pictures of each class (500, never trained on). The engine side is the app's own path
# (HeldOutAccuracy: ingest, TrainingRun with the classroom defaults and augmentation, Preview's
# prediction); the torch side is ../shared/bench/tm_reference.py train (RefCNN, no augmentation,
# last epoch; it also prints Teachable Machine's pretrained pipeline). The app's pretrained kind
# (HeldOutAccuracy with the backbone: embeddings, TM's head, the defaults) is scored on the same
# pictures against that pipeline. Prints lines per seed, then the pretrained means
#   heldout pretrained=<mean accuracy> tm=<mean accuracy>
# and, last, exactly:
#   heldout engine=<mean accuracy> torch=<mean accuracy>
# Environment: SEEDS (default "1 2 3"), BACKBONE (default ../shared/backbones/tm-export-a),
# TM_REF (default ../shared/bench/tm_reference.py), DATA (default target/accuracy-data),
# JAVA_HOME (Java 21+; Temurin 25 if present), PYTHON (default /usr/bin/python3).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SEEDS="${SEEDS:-1 2 3}"
BACKBONE="${BACKBONE:-$ROOT/../shared/backbones/tm-export-a}"
TM_REF="${TM_REF:-$ROOT/../shared/bench/tm_reference.py}"
DATA="${DATA:-$ROOT/target/accuracy-data}"
PYTHON="${PYTHON:-/usr/bin/python3}"
FASHION=/usr/share/datasets/fashion-mnist

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ! -f "$FASHION/train-images-idx3-ubyte.gz" ]; then
  echo "installing dataset-fashion-mnist ..." >&2
  $SUDO apt-get install -y dataset-fashion-mnist >&2
fi
if ! "$PYTHON" -c 'import torch, PIL' 2>/dev/null; then
  echo "installing python3-torch python3-pil (Debian's PyTorch) ..." >&2
  $SUDO apt-get install -y python3-torch python3-pil >&2
fi
[ -f "$TM_REF" ] || { echo "torch reference not found: $TM_REF (set TM_REF)" >&2; exit 1; }
[ -f "$BACKBONE/model.json" ] || { echo "backbone not found: $BACKBONE (set BACKBONE)" >&2; exit 1; }

# The engine side needs the app's classes (imaging, project, training), so Maven builds them.
cd "$ROOT"
./mvnw -B -ntp -q test-compile >&2
source "$ROOT/bench/classpath.sh"
CP="$ROOT/target/test-classes:$ROOT/target/classes:$(bench_classpath)"
engine() { "$JAVA" --add-modules jdk.incubator.vector -Xmx2g -Djava.awt.headless=true -cp "$CP" \
  org.teachbox.training.HeldOutAccuracy "$@" 2>/dev/null; }

heldout() { echo "$1" | sed -nE 's/.*held-out test acc ([0-9.]+).*/\1/p' | head -1; }
ENGINE_ACCS=() TORCH_ACCS=() PRE_ACCS=() TM_ACCS=()
for SEED in $SEEDS; do
  DIR="$DATA/seed$SEED"
  [ -d "$DIR/train" ] || engine write "$DIR" "$SEED"
  # one after the other, never side by side: both want the two cores
  ENGINE_OUT="$(engine score "$DIR")"
  PRE_OUT="$(engine score "$DIR" "$BACKBONE")"
  TORCH_OUT="$("$PYTHON" "$TM_REF" train "$BACKBONE" "$DIR" "$SEED")"
  E="$(echo "$ENGINE_OUT" | sed -nE 's/^engine heldout=([0-9.]+).*/\1/p')"
  T="$(heldout "$(echo "$TORCH_OUT" | grep '^RefCNN')")"
  TM="$(heldout "$(echo "$TORCH_OUT" | grep '^TM pipeline')")"
  echo "seed $SEED: $ENGINE_OUT"
  echo "seed $SEED: $PRE_OUT"
  echo "seed $SEED: torch $(echo "$TORCH_OUT" | grep '^RefCNN')"
  echo "seed $SEED: torch $(echo "$TORCH_OUT" | grep '^TM pipeline')"
  echo "seed $SEED heldout engine=$E torch=$T tm_pipeline=$TM"
  ENGINE_ACCS+=("$E") TORCH_ACCS+=("$T") TM_ACCS+=("$TM")
  PRE_ACCS+=("$(echo "$PRE_OUT" | sed -nE 's/^pretrained heldout=([0-9.]+).*/\1/p')")
done
mean() { printf '%s\n' "$@" | awk '{ s += $1; n++ } END { printf "%.3f", s / n }'; }
echo "heldout pretrained=$(mean "${PRE_ACCS[@]}") tm=$(mean "${TM_ACCS[@]}")"
echo "heldout engine=$(mean "${ENGINE_ACCS[@]}") torch=$(mean "${TORCH_ACCS[@]}")"
