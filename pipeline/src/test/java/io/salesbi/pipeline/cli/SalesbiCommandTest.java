package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class SalesbiCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheExitCodesIncludingCompletedWithWarnings() {
        int exit = run("help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Exit codes:").containsPattern("\\s4\\s+the night completed with warnings");
        assertThat(SalesbiCommand.EXIT_WARNINGS).isEqualTo(4);
    }

    @Test
    void unknownCommandGivesOneClearLineAndExitCode2() {
        int exit = run("frobnicate");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("frobnicate").contains("salesbi --help");
    }

    @Test
    void badOptionGivesOneClearLineAndExitCode2() {
        int exit = run("generate", "--out", "x", "--scale", "many");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString()).contains("--scale").contains("many").contains("salesbi generate --help");
    }

    @Test
    void unknownOptionGivesExitCode2() {
        assertThat(run("run", "--fast")).isEqualTo(2);
        assertThat(err.toString()).contains("--fast");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "demo",
                "generate",
                "run",
                "serve",
                "sql",
                "dashboards",
                "validate",
                "history",
                "match",
                "hash-password"
            })
    void everyCommandHasHelp(String command) {
        int exit = run(command, "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: salesbi " + command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "run", "serve", "generate", "validate"})
    void verboseIsAcceptedBeforeAndAfterTheCommand(String command) {
        CommandLine cli = SalesbiCommand.commandLine();

        assertThat(cli.getCommandSpec().findOption("--verbose")).isNotNull();
        assertThat(cli.getSubcommands().get(command).getCommandSpec().findOption("--verbose"))
                .isNotNull();
    }

    @Test
    void helpCommandListsTheCommands() {
        int exit = run("help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("demo", "generate", "run", "serve", "help");
    }

    @Test
    void negativeScaleIsAUsageError() {
        assertThat(run("generate", "--out", "target/never", "--scale", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--scale must be greater than 0");
    }
}
