#!/usr/bin/env bash
# Decode tokens/s with and without a JSON Schema grammar (response_format), through the embedded backend, in one
# run: a prompt that asks for the JSON (the typical case) and one that asks for prose (the grammar overrules the
# model often: the worst case).
#
#   bench/constrained-bench.sh                     # the default model
#   bench/constrained-bench.sh --model path.gguf --requests 50
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
garden_find_java
export GARDEN_CACHE="${GARDEN_CACHE:-$ROOT/.cache}"
"$ROOT/mvnw" -q -B -DskipTests -pl garden-bench,garden-cli -am install
args=("$@")
if [[ " $* " != *" --model "* ]]; then
  args+=(--model "$("$ROOT/garden" models pull | sed -n 's/^[^:]*: //p' | tail -1)")
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$ROOT/garden-bench/target/garden-bench.jar:$ROOT/garden-bench/target/lib/*" \
  dev.garden.bench.ConstrainedDecodingBench --threads "${THREADS:-$(nproc)}" "${args[@]}"
