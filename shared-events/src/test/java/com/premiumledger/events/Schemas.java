package com.premiumledger.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Loads the JSON Schemas from the classpath (as consumers get them from the jar) and validates with them. */
final class Schemas {

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Format "date" is an annotation only in 2020-12 unless asserted; the contract asserts it. */
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private Schemas() {
    }

    static String resource(String type) {
        return "/schemas/" + type + ".json";
    }

    static JsonNode node(String type) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource(type))) {
            if (in == null) {
                throw new AssertionError("no schema " + resource(type));
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema schema(String type) {
        return FACTORY.getSchema(node(type), CONFIG);
    }

    static Set<ValidationMessage> validate(String type, JsonNode payload) {
        return schema(type).validate(payload);
    }

    static JsonNode json(LedgerEvent event) {
        try {
            return EventJson.mapper().readTree(EventJson.write(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
