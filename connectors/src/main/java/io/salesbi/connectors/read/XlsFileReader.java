package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Reads one sheet of a legacy .xls (BIFF8) workbook with POI's event API: records are streamed, never a whole
 * {@code HSSFWorkbook}; files above the size limit, password-protected and damaged files are rejected with a reason.
 */
final class XlsFileReader implements SourceFileReader {

    private final ReaderSettings settings;

    XlsFileReader(ReaderSettings settings) {
        this.settings = settings;
    }

    @Override
    public ReadSummary read(Path file, SourceMapping mapping, RowSink sink) throws FileRejectedException {
        String name = file.getFileName().toString();
        return streamSheet(
                        file,
                        mapping.sheetName(),
                        mapping.sheetIndex(),
                        mapping.locale(),
                        sheet -> new SheetRowProcessor(name, sheet, mapping, settings, sink))
                .finish();
    }

    /**
     * Streams the rows of one sheet (by name, else by 0-based index) to the rows receiver the factory makes for it,
     * and returns that receiver.
     */
    <P extends SheetRows> P streamSheet(
            Path file, String sheetName, Integer sheetIndex, Locale locale, Function<String, P> factory)
            throws FileRejectedException {
        String name = file.getFileName().toString();
        checkFile(file, name);
        // pivot tables of .xls workbooks are not told apart: their records come after the sheet is chosen
        SheetChoice choice = new SheetChoice(sheetName, sheetIndex);
        XlsRecordListener<P> listener = new XlsRecordListener<>(
                (sheet, hidden) -> choice.isWanted(sheet, hidden, false),
                sheet -> {
                    P processor = factory.apply(sheet);
                    choice.notes().forEach(processor::note);
                    return processor;
                },
                locale);
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntryCaseInsensitive("EncryptionInfo")) {
                throw new FileRejectedException("encrypted", "File " + name + " is password-protected");
            }
            FormatTrackingHSSFListener formats = new FormatTrackingHSSFListener(listener, Locale.ROOT);
            listener.useFormats(formats);
            HSSFRequest request = new HSSFRequest();
            request.addListenerForAllRecords(new MissingRecordAwareHSSFListener(formats));
            try {
                new HSSFEventFactory().processWorkbookEvents(request, fs);
            } catch (XlsRecordListener.Stop stop) {
                if (stop.rejection != null) {
                    throw stop.rejection;
                }
            }
        } catch (FileRejectedException e) {
            throw e;
        } catch (SinkFailure e) {
            throw e.original();
        } catch (EncryptedDocumentException e) {
            throw new FileRejectedException("encrypted", "File " + name + " is password-protected", e);
        } catch (IOException | RuntimeException e) {
            throw WorkbookGuard.classify(name, e);
        }
        if (listener.processor() == null) {
            throw choice.notFound(name);
        }
        return listener.processor();
    }

    private void checkFile(Path file, String name) throws FileRejectedException {
        FileMagic magic = WorkbookGuard.magic(file);
        if (magic != FileMagic.OLE2) {
            throw new FileRejectedException(
                    magic == FileMagic.OOXML ? "wrong_format" : "corrupt",
                    "File " + name
                            + (magic == FileMagic.OOXML
                                    ? " is an .xlsx workbook with an .xls name; rename it to .xlsx"
                                    : " is not an Excel workbook (found "
                                            + magic.name().toLowerCase(Locale.ROOT) + " content)"));
        }
        try {
            if (Files.size(file) > settings.maxXlsBytes()) {
                throw new FileRejectedException(
                        "too_large",
                        "File " + name + " has " + Files.size(file) + " bytes, more than the " + settings.maxXlsBytes()
                                + " allowed for .xls workbooks");
            }
        } catch (IOException e) {
            throw new FileRejectedException("unreadable", "File " + name + " cannot be read: " + e.getMessage(), e);
        }
    }
}
