package io.originwatch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.originwatch.app.HarJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The HAR 1.2 schema of src/test/resources, and the production JSON mapping of HAR records. */
public final class HarSchema {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final HarJson JSON = new HarJson(MAPPER);
    private static final JsonSchema SCHEMA = load();

    private HarSchema() {}

    private static JsonSchema load() {
        try (InputStream in = HarSchema.class.getResourceAsStream("/har-1.2.schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> errors(byte[] json) {
        try {
            return SCHEMA.validate(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serializes, validates, and returns the JSON tree. */
    public static JsonNode valid(Har har) {
        byte[] json = JSON.bytes(har);
        assertThat(errors(json))
                .as("HAR schema errors of %s", new String(json, java.nio.charset.StandardCharsets.UTF_8))
                .isEmpty();
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
