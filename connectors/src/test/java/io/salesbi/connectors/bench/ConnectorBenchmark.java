package io.salesbi.connectors.bench;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.ReadSummary;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Measures the readers by hand (never run as a test): generates a 1M-row, 10-column ERP-style CSV (Windows-1252,
 * semicolon, decimal comma, dd.MM.yyyy) and a 100k-row, 10-column xlsx in a temp folder, reads both into a no-op sink
 * and compares the CSV path with DuckDB's {@code read_csv} into a typed table when duckdb_jdbc is on the classpath.
 * Run with {@code -Xmx256m}; arguments: [csvRows] [xlsxRows].
 */
public final class ConnectorBenchmark {

    private static final String FIELDS = """
            fields:
              - { column: "Beleg", field: document_no, type: string, required: true }
              - { column: "Position", field: line_no, type: integer, required: true }
              - { column: "Belegdatum", field: document_date, type: date, format: "dd.MM.yyyy", required: true }
              - { column: "Debitor", field: debtor_no, type: string, required: true }
              - { column: "Artikel", field: product_no, type: string, required: true }
              - { column: "Menge", field: quantity, type: decimal, required: true }
              - { column: "Listenpreis", field: list_price, type: decimal }
              - { column: "Nettopreis", field: net_price, type: decimal, required: true }
              - { column: "Waehrung", field: currency, type: string }
              - { column: "Vertriebskanal", field: sales_channel, type: string }
            """;
    private static final String[] CHANNELS = {"Außendienst", "Innendienst", "E-Shop", "EDI", "Handelspartner"};

    private ConnectorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int csvRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int xlsxRows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("salesbi-bench");
        Path csv = dir.resolve("erp_order_lines_bench.csv");
        Path xlsx = dir.resolve("Kanalkosten_bench.xlsx");
        writeCsv(csv, csvRows);
        writeXlsx(xlsx, xlsxRows);
        print(
                "files in %s: csv %,d bytes, xlsx %,d bytes; max heap %,d MB",
                dir, Files.size(csv), Files.size(xlsx), Runtime.getRuntime().maxMemory() / (1024 * 1024));

        SourceMapping csvMapping = mapping("""
                name: bench_csv
                inbox: erp
                file-pattern: "*.csv"
                target: raw.erp_order_line
                locale: de-DE
                """ + FIELDS);
        SourceMapping xlsxMapping = mapping("""
                name: bench_xlsx
                inbox: excel
                file-pattern: "*.xlsx"
                target: raw.erp_order_line
                sheet: Daten
                locale: de-DE
                """ + FIELDS);

        double csvSeconds = 0;
        for (int run = 1; run <= 3; run++) {
            csvSeconds = time(csv, csvMapping, "csv run " + run);
        }
        double duckSeconds = duckDb(csv);
        if (duckSeconds > 0) {
            print(
                    "ratio: salesbi csv reader %.2f s vs DuckDB read_csv %.2f s = %.2fx DuckDB's time "
                            + "(%.0f %% of DuckDB's speed)",
                    csvSeconds, duckSeconds, csvSeconds / duckSeconds, 100 * duckSeconds / csvSeconds);
        }
        for (int run = 1; run <= 2; run++) {
            resetPeaks();
            time(xlsx, xlsxMapping, "xlsx run " + run);
            print("xlsx run %d peak heap: %,d MB", run, peakHeap() / (1024 * 1024));
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static double time(Path file, SourceMapping mapping, String label) throws FileRejectedException {
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        ReadSummary summary = SourceFileReader.forFile(file, mapping).read(file, mapping, sink);
        double seconds = (System.nanoTime() - start) / 1e9;
        print(
                "%s: %,d rows (%,d rejected) in %.2f s = %,.0f rows/s",
                label, summary.rowsAccepted(), summary.rowsRejected(), seconds, summary.rowsDelivered() / seconds);
        return seconds;
    }

    private static double duckDb(Path csv) throws Exception {
        try {
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException absent) {
            print("duckdb_jdbc not on the classpath: no comparison");
            return -1;
        }
        double best = Double.MAX_VALUE;
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = conn.createStatement()) {
            st.execute("set autoinstall_known_extensions=false");
            for (int run = 1; run <= 3; run++) {
                st.execute("drop table if exists order_line");
                st.execute("create table order_line (document_no varchar, line_no integer, document_date date, "
                        + "debtor_no varchar, product_no varchar, quantity decimal(18,3), list_price decimal(18,4), "
                        + "net_price decimal(18,4), currency varchar, sales_channel varchar)");
                long start = System.nanoTime();
                st.execute("insert into order_line select * from read_csv('" + csv + "', delim=';', header=true, "
                        + "decimal_separator=',', dateformat='%d.%m.%Y', encoding='latin-1', columns={"
                        + "'Beleg':'VARCHAR','Position':'INTEGER','Belegdatum':'DATE','Debitor':'VARCHAR',"
                        + "'Artikel':'VARCHAR','Menge':'DECIMAL(18,3)','Listenpreis':'DECIMAL(18,4)',"
                        + "'Nettopreis':'DECIMAL(18,4)','Waehrung':'VARCHAR','Vertriebskanal':'VARCHAR'})");
                double seconds = (System.nanoTime() - start) / 1e9;
                try (ResultSet rs = st.executeQuery("select count(*) from order_line")) {
                    rs.next();
                    print(
                            "duckdb read_csv run %d: %,d rows in %.2f s = %,.0f rows/s",
                            run, rs.getLong(1), seconds, rs.getLong(1) / seconds);
                }
                best = Math.min(best, seconds);
            }
        }
        return best;
    }

    private static void writeCsv(Path file, int rows) throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        try (BufferedWriter out = Files.newBufferedWriter(file, cp1252)) {
            out.write(
                    "Beleg;Position;Belegdatum;Debitor;Artikel;Menge;Listenpreis;Nettopreis;Waehrung;Vertriebskanal\r\n");
            LocalDate day = LocalDate.of(2023, 1, 1);
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                LocalDate date = day.plusDays(i % 1000);
                line.append("R-")
                        .append(100000 + i / 4)
                        .append(';')
                        .append(i % 4 + 1)
                        .append(';')
                        .append(String.format(
                                Locale.ROOT,
                                "%02d.%02d.%04d",
                                date.getDayOfMonth(),
                                date.getMonthValue(),
                                date.getYear()))
                        .append(';')
                        .append(String.format(Locale.ROOT, "%06d", i % 5000))
                        .append(';')
                        .append("A-")
                        .append(i % 800)
                        .append(';')
                        .append(i % 50 + 1)
                        .append(',')
                        .append(i % 1000 < 500 ? "000" : "500")
                        .append(';')
                        .append(1 + i % 3)
                        .append(100 + i % 900)
                        .append(',')
                        .append(10 + i % 90)
                        .append(';')
                        .append(1 + i % 3)
                        .append(100 + i % 800)
                        .append(',')
                        .append(10 + i % 90)
                        .append(';')
                        .append(i % 7 == 0 ? "CHF" : "EUR")
                        .append(';')
                        .append(CHANNELS[i % CHANNELS.length])
                        .append("\r\n");
                out.append(line);
            }
        }
    }

    private static void writeXlsx(Path file, int rows) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("Daten");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd.mm.yyyy"));
            String[] header = {
                "Beleg",
                "Position",
                "Belegdatum",
                "Debitor",
                "Artikel",
                "Menge",
                "Listenpreis",
                "Nettopreis",
                "Waehrung",
                "Vertriebskanal"
            };
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            LocalDate day = LocalDate.of(2023, 1, 1);
            for (int i = 0; i < rows; i++) {
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue("R-" + (100000 + i / 4));
                row.createCell(1).setCellValue(i % 4 + 1);
                row.createCell(2).setCellValue(day.plusDays(i % 1000));
                row.getCell(2).setCellStyle(date);
                row.createCell(3).setCellValue(String.format(Locale.ROOT, "%06d", i % 5000));
                row.createCell(4).setCellValue("A-" + (i % 800));
                row.createCell(5).setCellValue(i % 50 + 1.5);
                row.createCell(6).setCellValue(1100.25 + i % 900);
                row.createCell(7).setCellValue(1000.75 + i % 800);
                row.createCell(8).setCellValue(i % 7 == 0 ? "CHF" : "EUR");
                row.createCell(9).setCellValue(CHANNELS[i % CHANNELS.length]);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }

    private static SourceMapping mapping(String yaml) {
        return MappingLoader.parse("benchmark", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    @SuppressWarnings("java:S106")
    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** Counts and drops every row: measures reading, not loading. */
    private static final class CountingSink implements RowSink {
        private long accepted;
        private long rejected;

        @Override
        public void accept(String sheet, long row, Object[] values) {
            accepted += values.length;
        }

        @Override
        public void reject(RowRejection rejection) {
            rejected++;
        }
    }
}
