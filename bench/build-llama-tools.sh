#!/usr/bin/env bash
# Builds llama.cpp's own tools (llama-bench, llama-batched-bench, llama-quantize) and shared libraries from the
# exact source of Garden's prebuilt libraries: the git bundle inside npm's node-llama-cpp (same version as
# @node-llama-cpp/linux-x64). Prints the directory holding them.
#
#   bench/build-llama-tools.sh
#
# The tools are linked to shared libraries, so they can run on any ABI-compatible build of them: on this build
# (native CPU flags) or, through bench/llama-tools-on.sh, on the very prebuilt libraries Garden loads. Threads as
# in the prebuilt libraries: node-llama-cpp builds with GGML_OPENMP=OFF (ggml's own thread pool), and so does this.
# The libraries here also serve Garden itself: GARDEN_LLAMA_LIB_DIR="$(bench/build-llama-tools.sh)" ./garden serve
#
# Needs npm, git, cmake and a C++ compiler. Takes about ten minutes on 2 cores, once.
set -euo pipefail
VERSION=3.22.1
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${GARDEN_BENCH_CACHE:-$ROOT/.cache/llama-tools}"
OUT="$WORK/build/bin"
TARGETS=(llama llama-bench llama-batched-bench llama-quantize)
if [[ -x "$OUT/llama-bench" && -x "$OUT/llama-batched-bench" && -x "$OUT/llama-quantize" && -f "$OUT/libllama.so" ]]; then
  echo "$OUT"
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
echo "building ${TARGETS[*]} (native CPU flags, shared libraries)..." >&2
cmake -S src -B build -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_NATIVE=ON -DGGML_OPENMP=OFF \
  -DLLAMA_CURL=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF \
  -DLLAMA_BUILD_TOOLS=ON >&2
cmake --build build --target "${TARGETS[@]}" -j "$(nproc)" >&2
echo "$OUT"
