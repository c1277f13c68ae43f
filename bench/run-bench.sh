#!/usr/bin/env bash
# Runs one of garden-bench's benchmark classes on the default model (or --model), after building what it needs.
#
#   bench/run-bench.sh ConstrainedDecodingBench [--model path.gguf] [its arguments...]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/scripts/java-env.sh"
garden_find_java
export GARDEN_CACHE="${GARDEN_CACHE:-$ROOT/.cache}"
bench_class="$1"
shift
"$ROOT/mvnw" -q -B -DskipTests -pl garden-bench,garden-cli -am install
args=("$@")
if [[ " $* " != *" --model "* ]]; then
  args+=(--model "$("$ROOT/garden" models pull | sed -n 's/^[^:]*: //p' | tail -1)")
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp "$ROOT/garden-bench/target/garden-bench.jar:$ROOT/garden-bench/target/lib/*" \
  "dev.garden.bench.$bench_class" --threads "${THREADS:-$(nproc)}" "${args[@]}"
