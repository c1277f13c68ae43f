#!/usr/bin/env bash
# Garden's engine beside llama.cpp's own tools, on the same GGUF and thread count, in one run:
# llama-bench (pp/tg of one sequence) and llama-batched-bench (continuous batching at 1, 2, 4 sequences).
#
#   bench/engine-bench.sh                       # the default model (SmolLM2 135M, Q4_1), all cores
#   bench/engine-bench.sh --weights F16         # the same model with its weights turned to F16 by llama-quantize
#   bench/engine-bench.sh --synthetic llama-450m-f16   # a 450M-parameter random-weight F16 model (memory-bound)
#   bench/engine-bench.sh --lib-dir "$(bench/build-llama-native.sh)"   # Garden on a native llama.cpp build
#   bench/engine-bench.sh --model path.gguf --prompt 128 --generate 128 --repetitions 3 --streams 1,2,4
#
# Builds llama.cpp's tools from the source Garden's libraries come from (bench/build-llama-bench.sh), fetches
# the default model if needed, then runs everything. Not part of CI. THREADS=N overrides the thread count.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
garden_find_java
export GARDEN_CACHE="${GARDEN_CACHE:-$ROOT/.cache}"
"$ROOT/mvnw" -q -B -DskipTests -pl garden-bench,garden-cli,garden-gguf -am install
TOOLS="$("$ROOT/bench/build-llama-bench.sh")"

args=()
weights=""
model=""
synthetic=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --weights) weights="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --synthetic) synthetic="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [[ -z "$model" ]]; then
  model="$("$ROOT/garden" models pull | sed -n 's/^[^:]*: //p' | tail -1)"
fi
if [[ -n "$synthetic" ]]; then
  # Random weights with the default model's tokenizer: gibberish out, but the same work as a real model.
  target="$GARDEN_CACHE/bench/$synthetic.gguf"
  if [[ ! -f "$target" ]]; then
    mkdir -p "$(dirname "$target")"
    "$JAVA_HOME/bin/java" -jar "$ROOT/garden-gguf/target/garden-gguf.jar" --preset "$synthetic" \
      --tokenizer-from "$model" --out "$target" >/dev/null
  fi
  model="$target"
fi
if [[ -n "$weights" ]]; then
  converted="$GARDEN_CACHE/bench/$(basename "${model%.gguf}")-$weights.gguf"
  if [[ ! -f "$converted" ]]; then
    mkdir -p "$(dirname "$converted")"
    echo "converting $(basename "$model") to $weights with llama-quantize..." >&2
    "$TOOLS/llama-quantize" --allow-requantize "$model" "$converted" "$weights" >/dev/null 2>&1
  fi
  model="$converted"
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$ROOT/garden-bench/target/garden-bench.jar:$ROOT/garden-bench/target/lib/*" \
  dev.garden.bench.EngineThroughputBench --threads "${THREADS:-$(nproc)}" --model "$model" \
  --llama-bench "$TOOLS/llama-bench" --llama-batched-bench "$TOOLS/llama-batched-bench" "${args[@]}"
