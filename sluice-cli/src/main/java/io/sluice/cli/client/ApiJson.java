package io.sluice.cli.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapping of the REST API as the CLI sees it. */
public final class ApiJson {
    private ApiJson() {}

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                // the server may add fields; an older CLI must keep working
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                // unset settings are left out so that the server applies its defaults
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
