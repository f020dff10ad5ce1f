package io.salesbi.pipeline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = SalesbiCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));
        return cli.execute(args);
    }

    @Test
    void goodFileWouldLoadAndBadRowsAreShownByRule() throws Exception {
        Path file = dir.resolve("service_drivers_20260101.csv");
        Files.writeString(file, "Debitor,Year,Visits,Support Tickets,Special Deliveries\n"
                + "000101,2025,12,3,1\n000102,2025,viele,1,0\n000103,2025,2,1,0\n000104,2025,0,0,0\n"
                + "000105,2025,5,2,1\n000106,2025,1,0,0\n");

        int exit = run("validate", "--home", dir.toString(), "--source", "service_drivers", file.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("6 rows delivered: 5 would load, 1 would be quarantined")
                .contains("row 3, column Visits, value 'viele'")
                .contains("OK: the file would load");
    }

    @Test
    void tooManyBadRowsRejectTheFile() throws Exception {
        Path file = dir.resolve("erp_fx_rates_20260101.csv");
        Files.writeString(file, "Waehrung;Monat;Kurs\nCHF;01.01.2025;0,9412\nUSD;01.13.2025;1,0400\n",
                Charset.forName("windows-1252"));

        int exit = run("validate", "--home", dir.toString(), "--source", "erp_fx_rates", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("row 3, column Monat, value '01.13.2025'")
                .contains("WOULD NOT LOAD (reject_ratio)");
    }

    @Test
    void fileMissingARequiredColumnWouldNotLoad() throws Exception {
        Path file = dir.resolve("erp_fx_rates_20260102.csv");
        Files.writeString(file, "Waehrung;Monat\nCHF;01.01.2025\n");

        int exit = run("validate", "--home", dir.toString(), "--source", "erp_fx_rates", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("WOULD NOT LOAD (missing_column)").contains("Kurs");
    }

    @Test
    void unknownSourceIsAUsageError() {
        int exit = run("validate", "--home", dir.toString(), "--source", "sap", "x.csv");

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("no mapping is named 'sap'").contains("erp_order_lines");
    }
}
