#!/usr/bin/env bash
# Decode tokens/s with and without a JSON Schema grammar (response_format), through the embedded backend, in one
# run: a prompt that asks for the JSON (the typical case) and one that asks for prose (the grammar overrules the
# model often: the worst case).
#
#   bench/constrained-bench.sh                     # the default model
#   bench/constrained-bench.sh --model path.gguf --requests 50
exec "$(dirname "$0")/run-bench.sh" ConstrainedDecodingBench "$@"
