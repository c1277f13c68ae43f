#!/usr/bin/env bash
# Builds llama.cpp's shared libraries natively for this CPU (GGML_NATIVE, CPU backend built into libggml) from the same
# source as Garden's prebuilt libraries, so Garden can run on exactly the kernels llama-bench uses:
#
#   GARDEN_LLAMA_LIB_DIR="$(bench/build-llama-native.sh)" ./garden serve
#
# Also builds llama-bench and llama-batched-bench linked to those very libraries, so that both sides of a
# comparison run the same machine code. Prints the directory holding them. Takes several minutes on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${GARDEN_BENCH_CACHE:-$ROOT/.cache/llama-bench}"
OUT="$WORK/build-shared/bin"
if [[ -f "$OUT/libllama.so" && -x "$OUT/llama-bench" ]] && grep -q "GGML_OPENMP:BOOL=OFF" "$WORK/build-shared/CMakeCache.txt" 2>/dev/null; then
  echo "$OUT"
  exit 0
fi
"$ROOT/bench/build-llama-bench.sh" >/dev/null   # fetches the source bundle into $WORK/src
cd "$WORK"
echo "building llama.cpp shared libraries (native CPU flags)..." >&2
cmake -S src -B build-shared -DGGML_OPENMP=OFF -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_BACKEND_DL=OFF \
  -DGGML_NATIVE=ON -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF \
  -DLLAMA_BUILD_TOOLS=ON >&2
cmake --build build-shared --target llama llama-bench llama-batched-bench -j "$(nproc)" >&2
echo "$OUT"
