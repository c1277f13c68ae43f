/**
 * The model catalog: which models Garden can serve and where their GGUF files come from.
 *
 * <p>{@link dev.garden.models.ModelCatalog} reads the built-in entries and a user's {@code models.json};
 * each entry is a {@link dev.garden.models.ModelSpec} whose {@link dev.garden.models.ModelSource}s are fetched by
 * {@link dev.garden.models.fetch.ModelStore}. This package does no I/O beyond reading catalog and template files.
 */
package dev.garden.models;
