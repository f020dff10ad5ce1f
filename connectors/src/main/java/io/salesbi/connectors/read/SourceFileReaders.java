package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.mapping.SourceMapping.FileFormat;

import java.nio.file.Path;
import java.util.Locale;

/** Chooses the reader for a file. */
final class SourceFileReaders {

    private SourceFileReaders() {
    }

    static SourceFileReader forFile(Path file, SourceMapping mapping) {
        return forFile(file, mapping, ReaderSettings.defaults());
    }

    static SourceFileReader forFile(Path file, SourceMapping mapping, ReaderSettings settings) {
        return switch (formatOf(file, mapping)) {
            case CSV -> new CsvFileReader(settings);
            case XLSX -> new XlsxFileReader(settings);
            case XLS -> throw new IllegalArgumentException("File " + file.getFileName()
                    + ": legacy .xls workbooks are not supported yet; save it as .xlsx");
        };
    }

    /** The mapping's format, else the one the file extension names; unknown extensions are read as CSV text. */
    static FileFormat formatOf(Path file, SourceMapping mapping) {
        if (mapping.format() != null) {
            return mapping.format();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
            return FileFormat.XLSX;
        }
        if (name.endsWith(".xls")) {
            return FileFormat.XLS;
        }
        return FileFormat.CSV;
    }
}
