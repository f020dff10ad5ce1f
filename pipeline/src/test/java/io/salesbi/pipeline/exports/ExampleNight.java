package io.salesbi.pipeline.exports;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.dryrun.DryRun;
import io.salesbi.pipeline.ingest.SourceMappings;
import io.salesbi.pipeline.run.NightlyRun;
import io.salesbi.pipeline.run.NightlyRun.RunResult;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One night of an installation whose {@code mappings:} is a folder of {@code mappings/examples/} at the repository
 * top level, read where it lies (not copied), fed with that folder's own fixture files: each fixture goes to the
 * inbox of the mappings whose file-pattern takes it. So a broken example breaks the build.
 */
final class ExampleNight {

    /** The examples folder seen from the pipeline module, the working directory of its tests. */
    static final Path EXAMPLES =
            Path.of("..", "mappings", "examples").toAbsolutePath().normalize();

    private final Path home;
    private final RunResult result;
    private final List<List<Object>> predicted;

    private ExampleNight(Path home, RunResult result, List<List<Object>> predicted) {
        this.home = home;
        this.result = result;
        this.predicted = predicted;
    }

    /** Runs {@code validate}'s dry run and then the night on the example's fixtures, as of {@code asOf}. */
    static ExampleNight run(String example, Path tmp, LocalDate asOf) throws Exception {
        Path folder = EXAMPLES.resolve(example);
        if (!Files.isDirectory(folder)) {
            throw new IOException("example folder " + folder + " is missing (tests run in the pipeline module)");
        }
        Path home = tmp.resolve("site");
        Files.createDirectories(home);
        Files.writeString(
                home.resolve("salesbi.yaml"), "mappings: \"" + folder.toString().replace('\\', '/') + "\"\n");
        SalesbiSettings settings = SettingsLoader.load(home.resolve("salesbi.yaml"), home);
        // an example's own vocabulary (e.g. a product group the defaults lack) goes where the steward keeps it
        Path reference = folder.resolve("reference");
        if (Files.isDirectory(reference)) {
            Files.createDirectories(home.resolve("reference"));
            try (var files = Files.list(reference)) {
                for (Path f : files.toList()) {
                    Files.copy(f, home.resolve("reference").resolve(f.getFileName()));
                }
            }
        }
        List<SourceMapping> mappings = mappings(settings);
        Map<Path, List<SourceMapping>> delivered = new LinkedHashMap<>();
        for (Path fixture : fixtures(folder)) {
            for (SourceMapping m : mappings) {
                PathMatcher takes = FileSystems.getDefault().getPathMatcher("glob:" + m.filePattern());
                if (takes.matches(fixture.getFileName())) {
                    Path inbox = Files.createDirectories(home.resolve("inbox").resolve(m.inbox()));
                    Path copy = inbox.resolve(fixture.getFileName());
                    if (!Files.exists(copy)) {
                        Files.copy(fixture, copy);
                    }
                    delivered.computeIfAbsent(copy, f -> new ArrayList<>()).add(m);
                }
            }
        }
        if (delivered.isEmpty()) {
            throw new IOException("no mapping of " + folder + " takes any of its fixtures " + fixtures(folder));
        }
        List<List<Object>> predicted = dryRun(settings, delivered, asOf);
        RunResult result;
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            result = new NightlyRun(settings, warehouse).execute(asOf, false);
        }
        return new ExampleNight(home, result, predicted);
    }

    RunResult result() {
        return result;
    }

    /** What {@code salesbi validate} predicted per mapping, in the columns of kpi.dq_file_rows, by mapping name. */
    List<List<Object>> predicted() {
        return predicted;
    }

    /** The rows of a query against the night's warehouse. */
    List<List<Object>> rows(String sql) throws SQLException {
        return WarehouseRows.of(SettingsLoader.defaults(home).warehouse(), sql);
    }

    private static List<SourceMapping> mappings(SalesbiSettings settings) throws Exception {
        try (Warehouse schema = Warehouse.open(
                        Files.createTempDirectory("salesbi-schema").resolve("schema.duckdb"));
                Connection conn = schema.connect()) {
            var set = SourceMappings.load(settings, conn);
            if (!set.broken().isEmpty()) {
                throw new IllegalStateException("broken example mappings: "
                        + set.broken().stream()
                                .flatMap(e -> e.problems().stream())
                                .toList());
            }
            return set.mappings();
        }
    }

    private static List<Path> fixtures(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
    }

    private static List<List<Object>> dryRun(
            SalesbiSettings settings, Map<Path, List<SourceMapping>> files, LocalDate asOf) throws Exception {
        DryRun.Result result =
                new DryRun(settings.warehouse(), settings.home().resolve("reference"), settings.kpi(), asOf).run(files);
        return result.files().stream()
                .sorted(Comparator.comparing(v -> v.mapping().name()))
                .map(v -> List.<Object>of(
                        v.mapping().name(),
                        v.rowsDelivered(),
                        v.rowsCurrent(),
                        v.rowsQuarantined(),
                        v.rowsFiltered(),
                        v.rowsSuperseded()))
                .toList();
    }
}
