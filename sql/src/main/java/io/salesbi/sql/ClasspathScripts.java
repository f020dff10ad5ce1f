package io.salesbi.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists and reads the {@code *.sql} resources of one classpath folder, from a directory (tests, IDE) or a jar
 * (also a jar nested in a Spring Boot fat jar, whose URL handler gives a {@link JarURLConnection}). Public for the
 * Spark module, which reads the KPI views from the same resources.
 */
public final class ClasspathScripts {

    private ClasspathScripts() {}

    /** Resource paths of the folder's {@code *.sql} files, sorted by file name. */
    public static List<String> list(String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<String> scripts = new ArrayList<>();
        try {
            Enumeration<URL> roots = classLoader().getResources(prefix);
            for (URL root : Collections.list(roots)) {
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                        files.map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith(".sql"))
                                .forEach(n -> scripts.add(prefix + n));
                    }
                } else if (root.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        for (JarEntry entry : Collections.list(file.entries())) {
                            String name = entry.getName();
                            if (name.startsWith(prefix)
                                    && name.endsWith(".sql")
                                    && name.indexOf('/', prefix.length()) < 0) {
                                scripts.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list classpath folder " + prefix, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list classpath folder " + prefix, e);
        }
        return scripts.stream().distinct().sorted().toList();
    }

    public static String read(String resource) {
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ClasspathScripts.class.getClassLoader();
    }
}
