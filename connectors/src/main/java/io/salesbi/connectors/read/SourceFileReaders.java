package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/** Chooses the reader for a file. */
final class SourceFileReaders {

    private SourceFileReaders() {}

    static SourceFileReader forFile(Path file, SourceMapping mapping) {
        return forFile(file, mapping, ReaderSettings.defaults());
    }

    static SourceFileReader forFile(Path file, SourceMapping mapping, ReaderSettings settings) {
        return switch (spreadsheetByContent(file, formatOf(file, mapping))) {
            case CSV -> new CsvFileReader(settings);
            case XLSX -> new XlsxFileReader(settings);
            case XLS -> new XlsFileReader(settings);
        };
    }

    /**
     * Spreadsheets are read by what they contain, not by their name: an old .xls saved as .xlsx (or the other way
     * round) is common in mailed-in lists. A password-protected .xlsx is an OLE2 file too; the xlsx reader rejects it.
     */
    static FileFormat spreadsheetByContent(Path file, FileFormat declared) {
        if (declared == FileFormat.CSV) {
            return declared;
        }
        try {
            FileMagic magic = Files.size(file) == 0 ? FileMagic.UNKNOWN : FileMagic.valueOf(file.toFile());
            if (magic == FileMagic.OOXML) {
                return FileFormat.XLSX;
            }
            if (magic == FileMagic.OLE2) {
                return WorkbookGuard.isEncryptedOoxml(file) ? FileFormat.XLSX : FileFormat.XLS;
            }
        } catch (IOException | RuntimeException unreadable) {
            return declared;
        }
        return declared;
    }

    /** The mapping's format, else the one the file extension names; unknown extensions are read as CSV text. */
    static FileFormat formatOf(Path file, SourceMapping mapping) {
        if (mapping.format() != null) {
            return mapping.format();
        }
        return formatByExtension(file);
    }

    /** The format the file extension names; unknown extensions are taken for CSV text. */
    static FileFormat formatByExtension(Path file) {
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
