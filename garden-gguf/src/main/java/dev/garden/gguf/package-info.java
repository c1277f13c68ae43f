/**
 * GGUF files, read and written in pure Java, and synthetic random-weight models for tests and benchmarks.
 *
 * <p>{@link dev.garden.gguf.GgufFile#read(java.nio.file.Path)} reads a file's metadata
 * ({@link dev.garden.gguf.GgufValue}s by key) and tensor infos ({@link dev.garden.gguf.GgufTensorInfo}) without its
 * tensor data. {@link dev.garden.gguf.GgufWriter} writes a file, pulling each tensor's data from a
 * {@link dev.garden.gguf.TensorSource} so that large files are written in constant memory.
 * {@link dev.garden.gguf.SyntheticModel} builds on it to write a llama-architecture model of any size with random
 * weights and a tokenizer copied from a real model, or converted from Hugging Face's tokenizer files by
 * {@link dev.garden.gguf.HuggingFaceTokenizer}; {@link dev.garden.gguf.SyntheticModelTool} does so from the command
 * line.
 *
 * @see <a href="https://github.com/ggml-org/ggml/blob/master/docs/gguf.md">the GGUF specification</a>
 */
package dev.garden.gguf;
