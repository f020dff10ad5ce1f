package io.salesbi.match.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Fellegi–Sunter parameters: the probability that two random records match (lambda) and, per field and comparison
 * level, m = P(level | match) and u = P(level | non-match). Written and read as a properties file
 * ({@code lambda}, {@code m.<field>}, {@code u.<field>} with comma-separated values per level), so that a
 * steward can fix parameters instead of estimating them.
 */
public record ModelParameters(double lambda, Map<String, double[]> m, Map<String, double[]> u) {

    /** The match weight log(m/u) of a field at a level, in natural-log units. */
    public double weight(String field, int level) {
        return Math.log(m.get(field)[level] / u.get(field)[level]);
    }

    public boolean covers(String field, int levels) {
        return m.containsKey(field)
                && u.containsKey(field)
                && m.get(field).length == levels
                && u.get(field).length == levels;
    }

    public void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("lambda", Double.toString(lambda));
        m.forEach((field, values) -> properties.setProperty("m." + field, join(values)));
        u.forEach((field, values) -> properties.setProperty("u." + field, join(values)));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Map<Object, Object> sorted = new TreeMap<>(properties);
            for (Map.Entry<Object, Object> entry : sorted.entrySet()) {
                writer.write(escape(entry.getKey().toString()) + "=" + entry.getValue() + System.lineSeparator());
            }
        }
    }

    public static ModelParameters read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String lambda = properties.getProperty("lambda");
        if (lambda == null) {
            throw new IOException(file + ": property 'lambda' missing");
        }
        Map<String, double[]> m = new LinkedHashMap<>();
        Map<String, double[]> u = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("m.")) {
                m.put(key.substring(2), parse(file, key, properties.getProperty(key)));
            } else if (key.startsWith("u.")) {
                u.put(key.substring(2), parse(file, key, properties.getProperty(key)));
            }
        }
        return new ModelParameters(Double.parseDouble(lambda), m, u);
    }

    private static double[] parse(Path file, String key, String value) throws IOException {
        try {
            return Arrays.stream(value.split(","))
                    .mapToDouble(s -> Double.parseDouble(s.strip()))
                    .toArray();
        } catch (NumberFormatException e) {
            throw new IOException(
                    file + ": property '" + key + "' = '" + value + "', expected comma-separated probabilities", e);
        }
    }

    private static String join(double[] values) {
        StringBuilder out = new StringBuilder();
        for (double value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(String.format(java.util.Locale.ROOT, "%.6g", value));
        }
        return out.toString();
    }

    private static String escape(String key) {
        return key.replace("\\", "\\\\").replace(" ", "\\ ").replace("=", "\\=").replace(":", "\\:");
    }
}
