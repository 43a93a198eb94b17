package io.originwatch.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.originwatch.evidence.Har;
import java.io.UncheckedIOException;

/**
 * HAR records to JSON. The records' component names are the HAR field names; HAR forbids nulls
 * where a field may simply be omitted, so this mapper (a copy of the application's, so modules and
 * date handling match) leaves null components out instead of annotating the plain records.
 */
public final class HarJson {

    private final ObjectMapper mapper;

    public HarJson(ObjectMapper base) {
        this.mapper = base.copy()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // compact: HAR files go to tickets and disk, where nobody reads the indentation
                .disable(SerializationFeature.INDENT_OUTPUT);
    }

    /** UTF-8 JSON of the document. */
    public byte[] bytes(Har har) {
        try {
            return mapper.writeValueAsBytes(har);
        } catch (JsonProcessingException e) {
            // records of strings, numbers and lists: cannot fail unless a programming error slipped in
            throw new UncheckedIOException("HAR serialization failed", e);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
