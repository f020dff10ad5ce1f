package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.SourceMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * Reads one sheet of an .xlsx workbook with POI's streaming {@link XSSFReader}: the workbook is never built in
 * memory, zip bombs hit {@link ZipSecureFile}'s limits, and password-protected or broken files are rejected with
 * a reason ({@code encrypted}, {@code corrupt}, {@code too_large}).
 */
final class XlsxFileReader implements SourceFileReader {

    private final ReaderSettings settings;

    XlsxFileReader(ReaderSettings settings) {
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
        WorkbookGuard.checkOoxml(file);
        ZipSecureFile.setMinInflateRatio(settings.minInflateRatio());
        ZipSecureFile.setMaxEntrySize(settings.maxZipEntryBytes());
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg, true);
            WorkbookProperties workbook = readWorkbook(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            SheetChoice choice = new SheetChoice(sheetName, sheetIndex);
            while (sheets.hasNext()) {
                try (InputStream sheetXml = sheets.next()) {
                    String sheet = sheets.getSheetName();
                    if (choice.isWanted(sheet, workbook.hidden().contains(sheet), holdsPivotTable(sheets))) {
                        P processor = factory.apply(sheet);
                        choice.notes().forEach(processor::note);
                        processor.useValues(
                                new ExcelValues(new XlsxFormats(reader.getStylesTable()), workbook.date1904(), locale));
                        checkSharedStringsSize(pkg, name);
                        new XlsxSheetParser(new ReadOnlySharedStringsTable(pkg, false)).parse(sheetXml, processor);
                        return processor;
                    }
                }
            }
            throw choice.notFound(name);
        } catch (FileRejectedException e) {
            throw e;
        } catch (SinkFailure e) {
            throw e.original();
        } catch (EncryptedDocumentException e) {
            throw new FileRejectedException("encrypted", "File " + name + " is password-protected", e);
        } catch (IOException
                | OpenXML4JException
                | XMLStreamException
                | RuntimeException
                | org.xml.sax.SAXException e) {
            throw WorkbookGuard.classify(name, e);
        }
    }

    /** The names of the workbook's sheets in workbook order, without reading any sheet's rows. */
    List<String> sheetNames(Path file) throws FileRejectedException {
        String name = file.getFileName().toString();
        WorkbookGuard.checkOoxml(file);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = new XSSFReader(pkg, true).getSheetIterator();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                sheets.next().close();
                names.add(sheets.getSheetName());
            }
            return names;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw WorkbookGuard.classify(name, e);
        }
    }

    /** The shared strings are the one part held in memory, so their uncompressed size is capped before loading. */
    private void checkSharedStringsSize(OPCPackage pkg, String name)
            throws FileRejectedException, InvalidFormatException {
        for (PackagePart part : pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            if (part.getSize() > settings.maxSharedStringsBytes()) {
                throw new FileRejectedException(
                        "too_large",
                        "File " + name + ": its shared-strings table has " + part.getSize() + " bytes, more than the "
                                + settings.maxSharedStringsBytes() + " allowed");
            }
        }
    }

    /** Whether the sheet's part links to a pivot table: its cells are then a summary of rows kept elsewhere. */
    private static boolean holdsPivotTable(XSSFReader.SheetIterator sheets) throws InvalidFormatException {
        return !sheets.getSheetPart()
                .getRelationshipsByType(XSSFRelation.PIVOT_TABLE.getRelation())
                .isEmpty();
    }

    /**
     * What workbook.xml says about the workbook as a whole.
     *
     * @param date1904 {@code <workbookPr date1904="1"/>}: serial dates count from 1904-01-01
     * @param hidden   the names of sheets whose state is hidden or veryHidden
     */
    private record WorkbookProperties(boolean date1904, Set<String> hidden) {}

    private static WorkbookProperties readWorkbook(XSSFReader reader)
            throws IOException, OpenXML4JException, XMLStreamException {
        Boolean date1904 = null;
        Set<String> hidden = new HashSet<>();
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT
                            && xml.getLocalName().equals("workbookPr")
                            && date1904 == null) {
                        String value = xml.getAttributeValue(null, "date1904");
                        date1904 = value != null
                                && (value.equals("1")
                                        || value.toLowerCase(Locale.ROOT).equals("true"));
                    } else if (event == XMLStreamConstants.START_ELEMENT
                            && xml.getLocalName().equals("sheet")) {
                        String state = xml.getAttributeValue(null, "state");
                        if (state != null && !state.equals("visible")) {
                            hidden.add(xml.getAttributeValue(null, "name"));
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT
                            && xml.getLocalName().equals("sheets")) {
                        break;
                    }
                }
                return new WorkbookProperties(Boolean.TRUE.equals(date1904), Set.copyOf(hidden));
            } finally {
                xml.close();
            }
        }
    }
}
