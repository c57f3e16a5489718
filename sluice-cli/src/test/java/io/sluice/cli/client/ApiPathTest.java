package io.sluice.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ApiPathTest {

    @Test
    void encodesEachSegmentAndQueryValue() {
        assertEquals("/api/jobs/clicks%20etl%2Fv2/deploy", ApiPath.of("jobs", "clicks etl/v2", "deploy").toString());
        assertEquals("/api/topics?connection=my+kafka&max=10",
                ApiPath.of("topics").query("connection", "my kafka").query("max", 10).toString());
    }

    @Test
    void nullQueryValueIsLeftOut() {
        assertEquals("/api/topics", ApiPath.of("topics").query("positions", null).toString());
    }
}
