package io.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven recorded in the CLI jar; classes outside a jar (an IDE run) are a development build. */
public final class VersionProvider implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/io.sluice/sluice-cli/pom.properties";

    @Override
    public String[] getVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return new String[] {"sluice (development build)"};
            }
            Properties properties = new Properties();
            properties.load(in);
            return new String[] {"sluice " + properties.getProperty("version", "(unknown version)")};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
        }
    }
}
