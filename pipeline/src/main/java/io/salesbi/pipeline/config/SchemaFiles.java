package io.salesbi.pipeline.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The JSON Schemas of {@code salesbi.yaml} and of the mapping files (published as {@code docs/schema/*.schema.json},
 * shipped in the jars under {@code schema/}), installed in an installation's {@code schema/} folder so that the files
 * salesbi writes can name them in a first line that editors with a YAML language server follow:
 * {@code # yaml-language-server: $schema=schema/salesbi.schema.json}.
 */
public final class SchemaFiles {

    public static final String SETTINGS = "salesbi.schema.json";
    public static final String MAPPING = "mapping.schema.json";

    private SchemaFiles() {}

    /** Writes the schema {@code name} to {@code home/schema/} unless it is there already as shipped; its path. */
    public static Path install(Path home, String name) throws IOException {
        byte[] shipped;
        try (InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream("schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema/" + name + " is missing from the classpath");
            }
            shipped = in.readAllBytes();
        }
        Path file = home.resolve("schema").resolve(name);
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), shipped)) {
            Files.createDirectories(file.getParent());
            Files.write(file, shipped);
        }
        return file;
    }

    /** The schema's path as a YAML file in {@code folder} names it: relative, with forward slashes. */
    public static String reference(Path folder, Path schema) {
        return folder.toAbsolutePath()
                .normalize()
                .relativize(schema.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    /** The first line of a YAML file in {@code folder} that names {@code schema}. */
    public static String firstLine(Path folder, Path schema) {
        return "# yaml-language-server: $schema=" + reference(folder, schema);
    }
}
