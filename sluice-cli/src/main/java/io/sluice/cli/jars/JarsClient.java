package io.sluice.cli.jars;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import io.sluice.cli.client.ApiPath;
import io.sluice.cli.client.RestClient;
import java.util.List;

/** {@code /api/jars}: the uploaded jars of user functions. */
public final class JarsClient {
    private final RestClient rest;

    public JarsClient(RestClient rest) {
        this.rest = requireNonNull(rest, "rest is null");
    }

    public UploadedJar upload(String name, byte[] jar) {
        return rest.postBytes(ApiPath.of("jars").query("name", name), jar, "application/java-archive", UploadedJar.class,
                RestClient.DEFAULT_TIMEOUT);
    }

    public List<UploadedJar> list() {
        return rest.get(ApiPath.of("jars"), new TypeReference<List<UploadedJar>>() {});
    }

    public void delete(String name) {
        rest.delete(ApiPath.of("jars", name));
    }
}
