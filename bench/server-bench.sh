#!/usr/bin/env bash
# What Garden's HTTP server adds per streamed token: a token firehose through the server to an HTTP client, then
# the real engine streamed through the server versus called directly, in one run.
#
#   bench/server-bench.sh                     # the default model
#   bench/server-bench.sh --model path.gguf --generate 256
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
  dev.garden.bench.ServerOverheadBench --threads "${THREADS:-$(nproc)}" "${args[@]}"
