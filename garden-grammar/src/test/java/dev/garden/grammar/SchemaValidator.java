package dev.garden.grammar;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.util.List;

/**
 * A real JSON Schema validator (networknt), with format assertions on, to check the test tables themselves: what
 * a table calls valid must be valid. Schemas without {@code $schema} are read as draft 2020-12.
 */
final class SchemaValidator {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                    .build()));

    private SchemaValidator() {
    }

    /** The validation errors of {@code document} against {@code schemaJson}; empty when valid. */
    static List<String> errors(String schemaJson, String document) {
        Schema schema = REGISTRY.getSchema(schemaJson, InputFormat.JSON);
        List<Error> errors = schema.validate(document, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}
