package io.salesbi.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.cli.SalesbiCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The application never names the benchmarks; with this module's jar on the class path they join its command line. */
class BenchCommandRegistrationTest {

    @Test
    void benchAndBenchJdbcJoinTheApplicationsCommandLineThroughTheServiceLoader() {
        CommandLine cli = SalesbiCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        assertThat(cli.getSubcommands()).containsKey("bench");
        assertThat(cli.getSubcommands().get("bench").getSubcommands()).containsKey("jdbc");
        assertThat(cli.execute("bench", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: salesbi bench");
    }

    @Test
    void aBadOptionOfAnExtensionGetsTheApplicationsUsageHandling() {
        CommandLine cli = SalesbiCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("bench", "--scale")).isEqualTo(SalesbiCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("bench:").contains("try 'salesbi bench --help'");
    }

    @Test
    void nextNightsOnlyRefusesAFolderWithoutAnEarlierBenchsWarehouseAndLeavesItAsItWas(@TempDir Path dir) {
        CommandLine cli = SalesbiCommand.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("bench", "--next-nights-only", "--dir", dir.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString())
                .contains("--next-nights-only needs the folder of an earlier bench")
                .contains(dir.resolve("night").toString());
        assertThat(dir.resolve("night-rebuilt")).doesNotExist();
    }
}
