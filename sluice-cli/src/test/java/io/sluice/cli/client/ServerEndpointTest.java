package io.sluice.cli.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerEndpointTest {

    @Test
    void defaultsToTheLocalServer() {
        assertEquals("http://127.0.0.1:8484", endpoint(Map.of()).url());
        assertEquals("http://127.0.0.1:8484", endpoint(Map.of(ServerEndpoint.ENVIRONMENT_VARIABLE, " ")).url());
    }

    @Test
    void environmentOverridesTheDefaultAndTheOptionOverridesBoth() {
        ServerEndpoint endpoint = endpoint(Map.of(ServerEndpoint.ENVIRONMENT_VARIABLE, "https://sluice.example.com/"));
        assertEquals("https://sluice.example.com", endpoint.url());
        endpoint.select("http://10.0.0.5:9000//");
        assertEquals("http://10.0.0.5:9000", endpoint.url());
    }

    @Test
    void keepsAPathPrefixForServersBehindAProxy() {
        ServerEndpoint endpoint = endpoint(Map.of());
        endpoint.select("http://proxy:80/sluice");
        assertEquals("http://proxy:80/sluice", endpoint.client().baseUrl());
    }

    private static ServerEndpoint endpoint(Map<String, String> environment) {
        return new ServerEndpoint(ServerEndpoint.defaultHttpClient(), ApiJson.mapper(), environment);
    }
}
