#!/usr/bin/env bash
# Garden's engine beside llama.cpp's own tools, on the same GGUF, the same thread count and the same llama.cpp
# libraries, in one run: llama-bench (prompt processing and decode of one sequence) and llama-batched-bench
# (continuous batching at 1, 2, 4 sequences).
#
#   bench/engine-bench.sh                                # the default model (SmolLM2 135M, Q4_1)
#   bench/engine-bench.sh --weights F16                  # the same model with F16 weights (llama-quantize)
#   bench/engine-bench.sh --synthetic llama-450m-f16     # a 450M-parameter random-weight F16 model
#   bench/engine-bench.sh --model path.gguf --prompt 128 --generate 128 --repetitions 3 --streams 1,2,4
#   bench/engine-bench.sh --lib-dir "$(bench/build-llama-tools.sh)"   # on a native build instead of the prebuilt
#
# By default both sides run on the prebuilt libraries Garden fetches (npm's @node-llama-cpp/linux-x64). Builds
# llama.cpp's tools once (bench/build-llama-tools.sh). Not part of CI. THREADS=N overrides the thread count.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
garden_find_java
export GARDEN_CACHE="${GARDEN_CACHE:-$ROOT/.cache}"
"$ROOT/mvnw" -q -B -DskipTests -pl garden-bench,garden-cli,garden-gguf -am install
TOOLS="$("$ROOT/bench/build-llama-tools.sh")"
CP="$ROOT/garden-bench/target/garden-bench.jar:$ROOT/garden-bench/target/lib/*"

args=()
weights=""
model=""
synthetic=""
libs=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --weights) weights="$2"; shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --synthetic) synthetic="$2"; shift 2 ;;
    --lib-dir) libs="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [[ -z "$libs" ]]; then
  libs="$("$JAVA_HOME/bin/java" -cp "$CP" dev.garden.bench.InstallLlamaLibraries)"
fi
if [[ -z "$model" ]]; then
  model="$("$ROOT/garden" models pull | sed -n 's/^[^:]*: //p' | tail -1)"
fi
if [[ -n "$synthetic" ]]; then
  # Random weights with the model's tokenizer: gibberish out, but the same work as a real model of that shape.
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
    LD_LIBRARY_PATH="$TOOLS" "$TOOLS/llama-quantize" --allow-requantize "$model" "$converted" "$weights" >/dev/null 2>&1
  fi
  model="$converted"
fi
ON="$("$ROOT/bench/llama-tools-on.sh" "$TOOLS" "$libs")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$CP" dev.garden.bench.EngineThroughputBench \
  --threads "${THREADS:-$(nproc)}" --model "$model" --lib-dir "$libs" --tool-library-path "$ON" \
  --llama-bench "$ON/llama-bench" --llama-batched-bench "$ON/llama-batched-bench" "${args[@]}"
