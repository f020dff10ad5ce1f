package io.salesbi.pipeline.cli;

/**
 * A picocli command that a module above the application adds to {@code salesbi} (the benchmarks in {@code bench/}):
 * listed in that module's {@code META-INF/services/io.salesbi.pipeline.cli.SubcommandExtension} and found with
 * {@link java.util.ServiceLoader} when its jar is on the class path. The application itself never names it, so its
 * jars carry no benchmark code and no module depends on one above it.
 */
public interface SubcommandExtension {}
