package io.sluice.cli.client;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.cli.CliException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * The server the commands talk to: {@code --server URL}, else {@code $SLUICE_SERVER}, else the
 * local default. The option is parsed after the commands are built, hence the one setter.
 */
public final class ServerEndpoint {
    public static final String DEFAULT_URL = "http://127.0.0.1:8484";
    public static final String ENVIRONMENT_VARIABLE = "SLUICE_SERVER";

    private final HttpClient http;
    private final ObjectMapper json;
    private final String fallbackUrl;
    private String optionUrl;

    public ServerEndpoint(HttpClient http, ObjectMapper json, Map<String, String> environment) {
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        this.fallbackUrl = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_URL : fromEnvironment.strip();
    }

    /** A client with the usual connect timeout; short, because the server is normally near. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Set from {@code --server}. */
    public void select(String url) {
        this.optionUrl = url;
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:8484}. */
    public String url() {
        String url = optionUrl != null ? optionUrl.strip() : fallbackUrl;
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw invalid(url);
        }
        return url.replaceAll("/+$", "");
    }

    public URI uri() {
        return URI.create(url());
    }

    public RestClient client() {
        return new RestClient(http, url(), json);
    }

    private static CliException invalid(String url) {
        return new CliException("'" + url + "' is not a server URL; give --server (or " + ENVIRONMENT_VARIABLE
                + ") like " + DEFAULT_URL);
    }
}
