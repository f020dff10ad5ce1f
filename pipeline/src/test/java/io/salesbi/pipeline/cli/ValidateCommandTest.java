package io.salesbi.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        Files.writeString(
                file,
                "Debitor,Year,Visits,Support Tickets,Special Deliveries\n"
                        + "000101,2025,12,3,1\n000102,2025,viele,1,0\n000103,2025,2,1,0\n000104,2025,0,0,0\n"
                        + "000105,2025,5,2,1\n000106,2025,1,0,0\n");
        Path debtors = debtorMaster("000101", "000102", "000103", "000104", "000105", "000106");

        int exit = run("validate", "--home", dir.toString(), file.toString(), debtors.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("6 rows delivered: 5 would load, 1 would be quarantined, 0 filtered")
                .contains("row 3, column Visits, value 'viele'")
                .contains("OK: the file would load");
    }

    @Test
    void checksThatRunOnlyInSqlAfterLoadingArePredictedToo() throws Exception {
        // given service drivers for debtors of which the debtor master delivered in the same call knows only one
        Path file = dir.resolve("service_drivers_20260101.csv");
        Files.writeString(
                file,
                "Debitor,Year,Visits,Support Tickets,Special Deliveries\n"
                        + "000101,2025,12,3,1\n000102,2025,1,1,0\n000103,2025,2,1,0\n");
        Path debtors = debtorMaster("000101");

        int exit = run("validate", "--home", dir.toString(), file.toString(), debtors.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("3 rows delivered: 1 would load, 2 would be quarantined, 0 filtered, 0 superseded")
                .contains("rule service_driver.unknown_debtor: 2 row(s)")
                .contains("row 3, column Debitor (debtor_no), value '000102'")
                .contains("WOULD BE REJECTED: 2 of 3 rows (66.7 %) quarantined, more than the 20.0 %");
    }

    private Path debtorMaster(String... numbers) throws Exception {
        Path debtors = dir.resolve("erp_debtors_20260101.csv");
        StringBuilder csv = new StringBuilder(
                "Debitor;Name 1;Name 2;Strasse;PLZ;Ort;Land;USt-IdNr;Waehrung;Branche;" + "Region;Betreuer;Telefon\n");
        for (String n : numbers) {
            csv.append(n)
                    .append(";Firma ")
                    .append(n)
                    .append(";;Hauptstr. 1;70173;Stuttgart;DE;;EUR;Maschinenbau;" + "Süd;;\n");
        }
        Files.writeString(debtors, csv, Charset.forName("windows-1252"));
        return debtors;
    }

    @Test
    void tooManyBadRowsRejectTheFile() throws Exception {
        Path file = dir.resolve("erp_fx_rates_20260101.csv");
        Files.writeString(
                file,
                "Waehrung;Monat;Kurs\nCHF;01.01.2025;0,9412\nUSD;01.13.2025;1,0400\n",
                Charset.forName("windows-1252"));

        int exit = run("validate", "--home", dir.toString(), "--source", "erp_fx_rates", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("row 3, column Monat, value '01.13.2025'")
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
