/**
 * Fetching, caching and verifying model files and llama.cpp's native libraries.
 *
 * <p>{@link dev.garden.models.fetch.ModelStore} turns a {@link dev.garden.models.ModelSpec} into the path of a
 * verified GGUF file; {@link dev.garden.models.fetch.LlamaCppLibraries} into the directory of llama.cpp's shared
 * libraries. Where things are fetched from is a {@link dev.garden.models.fetch.FetchConfig}, read from the
 * environment; how far a download has got is told to a {@link dev.garden.models.fetch.ProgressListener}. Every
 * failure is a {@link dev.garden.models.fetch.FetchException}.
 */
package dev.garden.models.fetch;
