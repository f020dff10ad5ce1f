package io.salesbi.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.generator.DemoDataGenerator;
import io.salesbi.generator.GenerationSummary;
import io.salesbi.generator.GeneratorSettings;
import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.config.SalesbiSettings;
import io.salesbi.pipeline.config.SettingsLoader;
import io.salesbi.pipeline.warehouse.Warehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A night killed with {@code kill -9} at several points, then run again, ends exactly where an uninterrupted night
 * ends: same core and kpi content, every file archived, nothing lost, nothing doubled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightKilledIT {

    private static final double SCALE = 0.02;
    private static final long SEED = 11;
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);

    private Path tmp;

    private Map<String, String> uninterrupted;
    private long files;

    @BeforeAll
    void uninterruptedNight(@TempDir Path tmp) throws Exception {
        this.tmp = tmp;
        Path home = tmp.resolve("reference");
        GenerationSummary generated = generate(home);
        files = NightlyRunIT.inboxFiles(generated);
        Process p = salesbi(home, tmp.resolve("reference.log"));
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(tmp.resolve("reference.log")))
                .isZero();
        uninterrupted = checksums(home);
    }

    /** Kills the night once the given log line appeared, i.e. while the step after it is working. */
    @ParameterizedTest(name = "killed after \"{0}\" (during {1})")
    @CsvSource({
        "'FileIngestor - ', ingest",
        "'standardizeCustomersStep: ', match",
        "'matchCustomersStep: ', consolidate",
        "'consolidateStep: ', publish"
    })
    void killedNightIsRedoneWithoutLossOrDuplicates(String marker, String during) throws Exception {
        Path home = tmp.resolve("killed-during-" + during);
        generate(home);

        Path firstLog = tmp.resolve(during + "-killed.log");
        Process night = salesbi(home, firstLog);
        boolean seen = waitFor(night, firstLog, marker);
        night.destroyForcibly();
        night.waitFor(1, TimeUnit.MINUTES);
        assertThat(seen).as("marker '%s' seen before the night ended", marker).isTrue();

        Path secondLog = tmp.resolve(during + "-again.log");
        Process again = salesbi(home, secondLog);
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(again.exitValue()).as(Files.readString(secondLog)).isZero();
        assertThat(checksums(home)).isEqualTo(uninterrupted);
        assertThat(filesUnder(home.resolve("inbox"))).isZero();
        assertThat(filesUnder(home.resolve("error"))).isZero();
        assertThat(filesUnder(home.resolve("archive"))).isEqualTo(files);
    }

    private static GenerationSummary generate(Path home) throws Exception {
        return new DemoDataGenerator(new GeneratorSettings(SCALE, SEED, home, AS_OF)).generate();
    }

    private static Process salesbi(Path home, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                SalesbiCommand.class.getName(),
                "run",
                "--home",
                home.toString(),
                "--as-of",
                AS_OF.toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static boolean waitFor(Process p, Path log, String marker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(marker)) {
                return true;
            }
            if (!p.isAlive()) {
                return Files.readString(log).contains(marker);
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static Map<String, String> checksums(Path home) throws Exception {
        SalesbiSettings settings = SettingsLoader.defaults(home);
        try (Warehouse warehouse = Warehouse.open(settings.warehouse())) {
            return NightlyRunIT.checksums(warehouse);
        }
    }

    private static long filesUnder(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
