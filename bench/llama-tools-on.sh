#!/usr/bin/env bash
# Makes llama.cpp's tools (from bench/build-llama-tools.sh) run on a given directory of llama.cpp libraries, such
# as the prebuilt ones Garden fetched, so that a comparison runs the same machine code on both sides.
#
#   bench/llama-tools-on.sh TOOLS_DIR LIB_DIR    # prints a directory with llama-bench and llama-batched-bench
#
# The tools load libllama.so.0, libggml.so.0 and libggml-base.so.0 (found through LD_LIBRARY_PATH, which the
# benchmark sets to the printed directory), and ggml looks for its CPU variants beside the executable.
set -euo pipefail
TOOLS="$1"
LIBS="$(cd "$2" && pwd)"
if [[ "$LIBS" == "$(cd "$TOOLS" && pwd)" ]]; then
  echo "$TOOLS"
  exit 0
fi
OUT="$(dirname "$TOOLS")/on-$(basename "$LIBS")"
rm -rf "$OUT"
mkdir -p "$OUT"
link() { ln -s "$LIBS/$(cd "$LIBS" && ls $1 2>/dev/null | head -1)" "$OUT/$2"; }
link 'libllama.v*.so libllama.so' libllama.so.0
link 'libggml.v*.so libggml.so' libggml.so.0
link 'libggml-base.so' libggml-base.so.0
for variant in "$LIBS"/libggml-cpu*.so; do
  [[ -e "$variant" ]] && ln -s "$variant" "$OUT/"
done
cp "$TOOLS/llama-bench" "$TOOLS/llama-batched-bench" "$OUT/"
echo "$OUT"
