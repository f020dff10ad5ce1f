package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileReaderTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static final String ERP_ORDER_LINES = """
            name: erp_order_lines
            inbox: erp
            file-pattern: "erp_order_lines*.csv"
            target: raw.erp_order_line
            locale: de-DE
            max-reject-ratio: 1.0
            fields:
              - { column: "Beleg", field: document_no, type: string, required: true }
              - { column: "Belegdatum", field: document_date, type: date, format: "dd.MM.yyyy", required: true }
              - { column: "Debitor", field: debtor_no, type: string, required: true }
              - { column: "Menge", field: quantity, type: decimal, required: true }
              - { column: "Vertriebskanal", field: sales_channel, type: string }
            """;

    private static final String CRM_ACCOUNTS = """
            name: crm_accounts
            inbox: crm
            file-pattern: "crm_accounts*.csv"
            target: raw.crm_account
            locale: en-US
            fields:
              - { column: "Account ID", field: account_id, type: string, required: true }
              - { column: "Account Name", field: account_name, type: string, required: true }
              - { column: "Street", field: street, type: string }
            """;

    @TempDir
    Path dir;

    @Test
    void readsWindows1252WithDecimalCommaAndGermanDates() throws Exception {
        Path file = write("erp_order_lines_20250101.csv", CP1252, """
                Beleg;Belegdatum;Debitor;Menge;Vertriebskanal
                R-1001;03.02.2024;000123;1.250,5;Außendienst
                R-1002;31.02.2024;000124;2;Innendienst
                R-1003;04.02.2024;;abc;E-Shop
                """);

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = read(file, Mappings.of(ERP_ORDER_LINES), sink);

        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rows.get(0).row()).isEqualTo(2);
        assertThat(sink.values(0))
                .containsExactly("R-1001", LocalDate.of(2024, 2, 3), "000123", new BigDecimal("1250.5"), "Außendienst");
        assertThat(sink.rejections)
                .extracting(RowRejection::row, RowRejection::column, RowRejection::rawValue, RowRejection::rule)
                .containsExactly(
                        tuple(3L, "Belegdatum", "31.02.2024", "type.date"),
                        tuple(4L, "Debitor", "", "required"),
                        tuple(4L, "Menge", "abc", "type.decimal"));
        assertThat(sink.rejections.get(0).message()).isEqualTo("expected a date in the format dd.MM.yyyy");
        assertThat(sink.rejections.get(0).file()).isEqualTo("erp_order_lines_20250101.csv");
        assertThat(summary.rowsDelivered()).isEqualTo(3);
        assertThat(summary.rowsAccepted()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isEqualTo(2);
    }

    @Test
    void whenNoRowNamesEnoughColumnsTheBestOneIsTheHeaderAndNoRowBelowItIsLost() throws Exception {
        // given a header that names only one of the mapping's two columns (the optional one is missing), followed
        // by more rows than the header search reads (a real Salesforce export lost 29 of 50 rows this way)
        String mapping = """
                name: accounts
                inbox: crm
                file-pattern: "*.csv"
                target: raw.erp_debtor
                fields:
                  - { column: "AccountId", field: debtor_no, type: string, required: true }
                  - { column: "Account Name", field: name1, type: string }
                """;
        StringBuilder csv = new StringBuilder("Id,AccountId,Amount\n");
        for (int i = 1; i <= 45; i++) {
            csv.append("O-")
                    .append(i)
                    .append(",A-")
                    .append(i)
                    .append(',')
                    .append(i * 10)
                    .append('\n');
        }
        Path file = write("accounts.csv", StandardCharsets.UTF_8, csv.toString());

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = read(file, Mappings.of(mapping), sink);

        // then all 45 rows are delivered, in file order, with their own line numbers
        assertThat(summary.rowsDelivered()).isEqualTo(45);
        assertThat(sink.rows).hasSize(45);
        assertThat(sink.values(0).get(0)).isEqualTo("A-1");
        assertThat(sink.values(44).get(0)).isEqualTo("A-45");
    }

    @Test
    void detectsWindows1252WhenTheBytesAreNotUtf8() throws Exception {
        Path file = write(
                "erp.csv",
                CP1252,
                "Beleg;Belegdatum;Debitor;Menge;Vertriebskanal\n" + "R-1;01.01.2024;1;1;Außendienst\n");

        CollectingSink sink = new CollectingSink();
        read(file, Mappings.of(ERP_ORDER_LINES), sink);

        assertThat(sink.values(0).get(4)).isEqualTo("Außendienst");
    }

    @Test
    void detectsUtf8AndSkipsTheByteOrderMark() throws Exception {
        byte[] body =
                "Account ID,Account Name,Street\r\nA-1,Müller GmbH,Königstraße 5\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path file = dir.resolve("crm_accounts_bom.csv");
        Files.write(file, withBom);

        CollectingSink sink = new CollectingSink();
        read(file, Mappings.of(CRM_ACCOUNTS), sink);

        assertThat(sink.values(0)).containsExactly("A-1", "Müller GmbH", "Königstraße 5");
    }

    @Test
    void keepsQuotedLineBreaksAndCountsLinesFromTheRowStart() throws Exception {
        Path file = write(
                "crm_accounts.csv",
                StandardCharsets.UTF_8,
                "Account ID,Account Name,Street\r\n"
                        + "A-1,\"Müller GmbH\",\"Hauptstr. 1\r\nHinterhaus\"\r\n"
                        + "A-2,\"Say \"\"Hi\"\" AG\",Weg 2\r\n");

        CollectingSink sink = new CollectingSink();
        read(file, Mappings.of(CRM_ACCOUNTS), sink);

        assertThat(sink.rows).extracting(CollectingSink.Row::row).containsExactly(2L, 4L);
        assertThat(sink.values(0)).containsExactly("A-1", "Müller GmbH", "Hauptstr. 1\r\nHinterhaus");
        assertThat(sink.values(1)).containsExactly("A-2", "Say \"Hi\" AG", "Weg 2");
    }

    @Test
    void rejectsRowsWithTheWrongFieldCountOneByOne() throws Exception {
        Path file = write("crm_accounts.csv", StandardCharsets.UTF_8, """
                Account ID,Account Name,Street
                A-1,Alpha,Weg 1
                A-2,Beta GmbH, Berlin,Weg 2

                A-3,Gamma
                A-4,Delta,Weg 4
                """);

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = read(
                file, Mappings.of(CRM_ACCOUNTS.replace("locale: en-US", "locale: en-US\nmax-reject-ratio: 0.5")), sink);

        assertThat(sink.rows).extracting(r -> r.values().get(0)).containsExactly("A-1", "A-4");
        assertThat(sink.rows).extracting(CollectingSink.Row::row).containsExactly(2L, 6L);
        assertThat(sink.rejections)
                .extracting(RowRejection::row, RowRejection::rule, RowRejection::rawValue)
                .containsExactly(
                        tuple(3L, "field_count", "A-2|Beta GmbH| Berlin|Weg 2"), tuple(5L, "field_count", "A-3|Gamma"));
        assertThat(sink.rejections.get(0).message()).startsWith("expected 3 fields as in the header, found 4");
        assertThat(summary.rowsDelivered()).isEqualTo(4);
    }

    @Test
    void aRowOfTheWrongFieldCountReachesTheRowFilterOfAMappingThatHasOne() throws Exception {
        // a report's footer line: rejected as field_count, but handed on (flagged by the rejection before it) so
        // that drop-rows-where can drop it as filtered; its cells are read as far as they go
        Path file = write("crm_accounts.csv", StandardCharsets.UTF_8, """
                Account ID,Account Name,Street
                A-1,Alpha,Weg 1
                "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."
                """);

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = read(
                file,
                Mappings.of(CRM_ACCOUNTS.replace(
                        "locale: en-US",
                        "locale: en-US\nmax-reject-ratio: 0.5\ndrop-rows-where: \"account_name is null\"")),
                sink);

        assertThat(sink.rows)
                .extracting(CollectingSink.Row::row, CollectingSink.Row::values)
                .containsExactly(
                        tuple(2L, List.of("A-1", "Alpha", "Weg 1")),
                        tuple(
                                3L,
                                Arrays.asList(
                                        "Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.",
                                        null,
                                        null)));
        assertThat(sink.rejections)
                .extracting(RowRejection::row, RowRejection::rule)
                .containsExactly(tuple(3L, "field_count"));
        assertThat(summary.rowsAccepted()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isEqualTo(1);
    }

    @Test
    void missingRequiredColumnRejectsTheFileNamingColumnAndHeader() throws Exception {
        Path file = write("erp_order_lines_x.csv", CP1252, "Beleg;Datum;Debitor;Menge\nR-1;01.01.2024;1;1\n");

        assertThatThrownBy(() -> read(file, Mappings.of(ERP_ORDER_LINES), new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("File erp_order_lines_x.csv: required column ['Belegdatum'] not found in the header "
                        + "['Beleg', 'Datum', 'Debitor', 'Menge']")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("missing_column");
    }

    @Test
    void tooManyBadRowsRejectTheWholeFileAfterStreaming() throws Exception {
        Path file = write(
                "crm_accounts.csv",
                StandardCharsets.UTF_8,
                "Account ID,Account Name,Street\n" + "A-1,Alpha,x\n,Beta,y\n,Gamma,z\n");

        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> read(file, Mappings.of(CRM_ACCOUNTS), sink))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageContaining("2 of 3 rows (66.7 %) were rejected, more than the 20.0 % allowed")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("reject_ratio");
        assertThat(sink.rows).hasSize(1);
        assertThat(sink.rejections).hasSize(2);
    }

    @Test
    void binaryGarbageNamedCsvIsNotText() throws Exception {
        byte[] garbage = new byte[2048];
        new java.util.Random(7).nextBytes(garbage);
        garbage[10] = 0;
        Path file = dir.resolve("crm_accounts_garbage.csv");
        Files.write(file, garbage);

        assertThatThrownBy(() -> read(file, Mappings.of(CRM_ACCOUNTS), new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("not_text");
    }

    @Test
    void emptyFilesAreRejectedAsEmpty() throws Exception {
        Path empty = dir.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        Path onlyBom = dir.resolve("bom.csv");
        Files.write(onlyBom, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'});

        for (Path file : List.of(empty, onlyBom)) {
            assertThatThrownBy(() -> read(file, Mappings.of(CRM_ACCOUNTS), new CollectingSink()))
                    .isInstanceOf(FileRejectedException.class)
                    .extracting(e -> ((FileRejectedException) e).reasonCode())
                    .isEqualTo("empty");
        }
    }

    @Test
    void detectsTabAndPipeDelimiters() throws Exception {
        Path tab =
                write("tab.csv", StandardCharsets.UTF_8, "Account ID\tAccount Name\tStreet\nA-1\tAlpha, Inc.\tWeg 1\n");
        Path pipe = write("pipe.csv", StandardCharsets.UTF_8, "Account ID|Account Name|Street\nA-2|Beta; Co|Weg 2\n");

        CollectingSink sink = new CollectingSink();
        read(tab, Mappings.of(CRM_ACCOUNTS), sink);
        read(pipe, Mappings.of(CRM_ACCOUNTS), sink);

        assertThat(sink.values(0)).containsExactly("A-1", "Alpha, Inc.", "Weg 1");
        assertThat(sink.values(1)).containsExactly("A-2", "Beta; Co", "Weg 2");
    }

    @Test
    void unknownColumnsWarnOrRejectAsTheMappingSays() throws Exception {
        Path file = write(
                "crm_accounts.csv",
                StandardCharsets.UTF_8,
                "Account ID,Account Name,Street,Fax\nA-1,Alpha,Weg 1,0301234\n");

        ReadSummary summary = read(file, Mappings.of(CRM_ACCOUNTS), new CollectingSink());
        assertThat(summary.unknownColumns()).containsExactly("Fax");
        assertThat(summary.warnings()).containsExactly("columns not in mapping crm_accounts were ignored: [Fax]");

        SourceMapping strict = Mappings.of(CRM_ACCOUNTS + "unknown-columns: reject\n");
        assertThatThrownBy(() -> read(file, strict, new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .hasMessage("File crm_accounts.csv: column ['Fax'] not in mapping crm_accounts, which rejects "
                        + "unknown columns");
    }

    @Test
    void declaredUtf8ButDeliveredWindows1252IsAnEncodingError() throws Exception {
        Path file = write("crm_accounts.csv", CP1252, "Account ID,Account Name,Street\nA-1,Müller,Weg\n");

        assertThatThrownBy(() -> read(file, Mappings.of(CRM_ACCOUNTS + "encoding: UTF-8\n"), new CollectingSink()))
                .isInstanceOf(FileRejectedException.class)
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("encoding");
    }

    @Test
    void declaredWindows1252ButDeliveredUtf8IsReadAsUtf8WithAWarning() throws Exception {
        Path file = write(
                "erp.csv",
                StandardCharsets.UTF_8,
                "Beleg;Belegdatum;Debitor;Menge;Vertriebskanal\n" + "R-1;01.01.2024;1;1;Außendienst\n");

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = read(file, Mappings.of(ERP_ORDER_LINES + "encoding: windows-1252\n"), sink);

        assertThat(sink.values(0).get(4)).isEqualTo("Außendienst");
        assertThat(summary.warnings())
                .containsExactly("the file is UTF-8, not windows-1252 as the mapping says; " + "read as UTF-8");
    }

    @Test
    void brokenQuotingRejectsTheFileNamingTheLine() throws Exception {
        Path file = write(
                "crm_accounts.csv",
                StandardCharsets.UTF_8,
                "Account ID,Account Name,Street\n" + "A-1,Alpha,Weg 1\n" + "A-2,\"Beta\" GmbH,Weg 2\n");

        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> read(file, Mappings.of(CRM_ACCOUNTS), sink))
                .isInstanceOf(FileRejectedException.class)
                .hasMessageStartingWith("File crm_accounts.csv, from line 3: the CSV structure is broken")
                .extracting(e -> ((FileRejectedException) e).reasonCode())
                .isEqualTo("malformed");
        assertThat(sink.rows).hasSize(1);
    }

    private ReadSummary read(Path file, SourceMapping mapping, RowSink sink) throws FileRejectedException {
        return SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
    }

    private Path write(String name, Charset charset, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(charset));
        return file;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(Arrays.asList(values).toArray());
    }
}
