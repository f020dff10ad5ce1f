package io.salesbi.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The data quality defects planted on purpose, so that tests of the pipeline can check each one was caught:
 * written to {@code truth/planted_defects.csv} (file, data row number counted from 1 after the header, column,
 * the value as written, and what is wrong with it).
 */
final class DefectLog {

    record Defect(String file, long row, String column, String value, String defect) {}

    private final List<Defect> defects = new ArrayList<>();

    void add(String file, long row, String column, String value, String defect) {
        defects.add(new Defect(file, row, column, value, defect));
    }

    List<Defect> defects() {
        return defects;
    }

    long write(Path path) throws IOException {
        try (CsvFile csv = CsvFile.utf8(path, "file", "row", "column", "value", "defect")) {
            for (Defect d : defects) {
                csv.field(d.file())
                        .field(Long.toString(d.row()))
                        .field(d.column())
                        .field(d.value())
                        .field(d.defect());
                csv.endRow();
            }
            return csv.rows();
        }
    }
}
