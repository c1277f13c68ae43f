#!/usr/bin/env bash
# Builds llama.cpp's own llama-bench from the exact source that Garden's prebuilt libraries come from: the git
# bundle inside npm's node-llama-cpp package (same version as @node-llama-cpp/linux-x64), with its siblings
# llama-batched-bench (continuous batching) and llama-quantize (to make other weight types of a model).
# Prints the directory holding the binaries.
#
#   bench/build-llama-bench.sh            # builds once into .cache/llama-bench, then reuses it
#
# Threads as in the prebuilt libraries: node-llama-cpp builds with GGML_OPENMP=OFF (ggml's own thread pool), so
# the tools do too, and a comparison differs only in compiler flags (native here, per-CPU variants there).
#
# Needs: npm, git, cmake, a C++ compiler. Takes several minutes on 2 cores.
set -euo pipefail
VERSION=3.22.1
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${GARDEN_BENCH_CACHE:-$ROOT/.cache/llama-bench}"
BIN="$WORK/build/bin"
TARGETS=(llama-bench llama-batched-bench llama-quantize)
if [[ -x "$BIN/llama-bench" && -x "$BIN/llama-batched-bench" && -x "$BIN/llama-quantize" ]] \
   && grep -q "GGML_OPENMP:BOOL=OFF" "$WORK/build/CMakeCache.txt" 2>/dev/null; then
  echo "$BIN"
  exit 0
fi
mkdir -p "$WORK"
cd "$WORK"
if [[ ! -d src ]]; then
  echo "fetching node-llama-cpp@$VERSION (llama.cpp source bundle)..." >&2
  npm pack --silent "node-llama-cpp@$VERSION" >/dev/null
  tar xzf "node-llama-cpp-$VERSION.tgz" package/llama/gitRelease.bundle
  git clone --quiet package/llama/gitRelease.bundle src 2>/dev/null
  rm -rf package "node-llama-cpp-$VERSION.tgz"
fi
echo "building ${TARGETS[*]} (native CPU flags)..." >&2
cmake -S src -B build -DGGML_OPENMP=OFF -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=ON -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DBUILD_SHARED_LIBS=OFF >&2
cmake --build build --target "${TARGETS[@]}" -j "$(nproc)" >&2
echo "$BIN"
