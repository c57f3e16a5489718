package io.sluice.server.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;

/**
 * Serves the studio (module sluice-web, packed on the classpath under {@code io/sluice/web}) at {@code /}.
 * Paths the app routes itself ({@code /jobs/x}, {@code /editor}) get its index.html; unknown paths under
 * {@code /api} stay 404s of the API.
 */
public final class StudioAssets {
    static final String DIRECTORY = "/io/sluice/web";

    private StudioAssets() {
    }

    public static void serve(JavalinConfig config) {
        String index = indexHtml();
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = DIRECTORY;
            files.location = Location.CLASSPATH;
        });
        config.spaRoot.addHandler("/", ctx -> {
            if (ctx.path().equals("/api") || ctx.path().startsWith("/api/")) {
                ctx.status(HttpStatus.NOT_FOUND);
            } else {
                ctx.html(index);
            }
        });
    }

    private static String indexHtml() {
        try (InputStream in = StudioAssets.class.getResourceAsStream(DIRECTORY + "/index.html")) {
            if (in == null) {
                throw new IllegalStateException("the studio's files are not on the classpath (" + DIRECTORY
                        + "/index.html); the server needs the sluice-web jar, which `mvn package` builds");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the studio's index.html", e);
        }
    }
}
