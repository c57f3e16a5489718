package io.sluice.server.functions;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.sluice.server.api.ApiException;
import io.sluice.sql.function.FunctionJars;

/**
 * The uploaded jars, one file each under the data directory's {@code jars/}: the file system is the
 * whole record (name, size, digest, upload time), so nothing can drift between a table and the files.
 * A jar is never replaced in place: a running job's TaskManagers and its restarts rely on the file it was
 * deployed with, so a new version is uploaded under a new name.
 */
public final class JarStore implements FunctionJars {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String SUFFIX = ".jar";
    private static final List<String> FUNCTION_BASES = List.of("ScalarFunction", "TableFunction", "AggregateFunction",
            "TableAggregateFunction", "AsyncScalarFunction", "AsyncTableFunction", "ProcessTableFunction");

    private final Path directory;

    /** @param directory where the jars are kept */
    public JarStore(Path directory) {
        this.directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the jar directory " + this.directory, e);
        }
    }

    /** Stores {@code content} as the jar {@code name}; a bad name, a non-jar or an existing name is refused. */
    public synchronized UploadedJar upload(String name, byte[] content) {
        String jarName = validName(name);
        List<String> classes = classesOf(jarName, content);
        Path target = file(jarName);
        if (Files.exists(target)) {
            throw ApiException.conflict("a jar named '" + jarName + "' exists already; jobs may rely on it, so upload "
                    + "the new version under a new name (or delete the old one when no job uses it)");
        }
        try {
            Path partial = Files.createTempFile(directory, "upload-", ".partial");
            Files.write(partial, content);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw ApiException.conflict("a jar named '" + jarName + "' exists already");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the jar " + jarName + " in " + directory, e);
        }
        return describe(jarName, target, classes);
    }

    public synchronized List<UploadedJar> list() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .map(f -> get(nameOf(f)))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jars in " + directory, e);
        }
    }

    public synchronized UploadedJar get(String name) {
        Path file = existing(name);
        try {
            return describe(name, file, classesOf(name, Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar " + file, e);
        }
    }

    /**
     * Deletes the jar, unless a job's current version uses it.
     *
     * @param inUse whether a job's latest or deployed version uses the jar of that name
     */
    public synchronized void delete(String name, Predicate<String> inUse) {
        Path file = existing(name);
        if (inUse.test(name)) {
            throw ApiException.conflict("jar '" + name + "' is used by a job's current version (CREATE FUNCTION ... USING JAR '"
                    + name + "'); delete that job or deploy a version without it first");
        }
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the jar " + file, e);
        }
    }

    @Override
    public Optional<Path> locate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = file(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path existing(String name) {
        return locate(name).orElseThrow(() -> ApiException.notFound("no jar named '" + name + "' was uploaded"));
    }

    private Path file(String name) {
        return directory.resolve(name + SUFFIX);
    }

    private static String nameOf(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - SUFFIX.length());
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("a jar needs a name: POST /api/jars?name=<name> with the jar as the body");
        }
        String trimmed = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
        if (!NAME.matcher(trimmed).matches()) {
            throw ApiException.badRequest("jar name '" + name + "' is not allowed: use letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit, at most 100 characters");
        }
        return trimmed;
    }

    /** The jar's class names, checked to be a zip archive with at least one class; its function classes. */
    private static List<String> classesOf(String name, byte[] content) {
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw ApiException.badRequest("'" + name + "' is not a jar (a jar is a zip archive, starting with 'PK'); "
                    + "send the file's bytes as the request body");
        }
        List<String> functions = new ArrayList<>();
        int classes = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().endsWith(".class")) {
                    classes++;
                    if (extendsFunction(zip)) {
                        functions.add(entry.getName().replace('/', '.').substring(0, entry.getName().length() - 6));
                    }
                }
            }
        } catch (IOException e) {
            throw ApiException.badRequest("'" + name + "' is not a readable jar: " + e.getMessage());
        }
        if (classes == 0) {
            throw ApiException.badRequest("'" + name + "' holds no classes; a function jar holds the compiled function classes");
        }
        return List.copyOf(functions);
    }

    /** Whether the class file names one of Flink's function base classes in its constant pool. */
    private static boolean extendsFunction(InputStream classFile) throws IOException {
        String text = new String(classFile.readAllBytes(), StandardCharsets.ISO_8859_1);
        return FUNCTION_BASES.stream().anyMatch(base -> text.contains("org/apache/flink/table/functions/" + base));
    }

    private static UploadedJar describe(String name, Path file, List<String> functionClasses) {
        try {
            return new UploadedJar(name, Files.size(file), sha256(Files.readAllBytes(file)),
                    Files.getLastModifiedTime(file).toInstant(), functionClasses);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar " + file, e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
