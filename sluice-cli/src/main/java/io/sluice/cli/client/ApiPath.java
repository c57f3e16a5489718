package io.sluice.cli.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.List;

/** A path under {@code /api} with encoded segments and query parameters, e.g. {@code /api/jobs/a%20b/status}. */
public final class ApiPath {
    private final String path;
    private final List<String> query;

    private ApiPath(String path, List<String> query) {
        this.path = path;
        this.query = List.copyOf(query);
    }

    /** {@code of("jobs", name, "deploy")} is {@code /api/jobs/<name>/deploy}, each segment encoded. */
    public static ApiPath of(String... segments) {
        StringBuilder path = new StringBuilder("/api");
        for (String segment : segments) {
            // URLEncoder encodes for forms; in a path a space is %20, not +
            path.append('/').append(URLEncoder.encode(segment, UTF_8).replace("+", "%20"));
        }
        return new ApiPath(path.toString(), List.of());
    }

    /** This path with one more query parameter; a null value leaves the path unchanged. */
    public ApiPath query(String name, Object value) {
        if (value == null) {
            return this;
        }
        List<String> extended = new ArrayList<>(query);
        extended.add(URLEncoder.encode(name, UTF_8) + "=" + URLEncoder.encode(value.toString(), UTF_8));
        return new ApiPath(path, extended);
    }

    @Override
    public String toString() {
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }
}
