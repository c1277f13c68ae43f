#!/usr/bin/env bash
# What Garden's HTTP server adds per streamed token: a token firehose through the server to an HTTP client, then
# the real engine streamed through the server versus called directly, in one run.
#
#   bench/server-bench.sh                     # the default model
#   bench/server-bench.sh --model path.gguf --generate 256
exec "$(dirname "$0")/run-bench.sh" ServerOverheadBench "$@"
