package dev.garden.models;

/**
 * A catalog that cannot be read or is not valid. The message names the file, the entry and the field, such as
 * {@code /home/ana/.garden/models.json: model #2 (acme/tiny): "sha256" must be 64 hexadecimal digits, not "abc"}.
 */
public final class ModelCatalogException extends RuntimeException {

    /** A failure described by {@code message}. */
    public ModelCatalogException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public ModelCatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
