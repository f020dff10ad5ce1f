package io.salesbi.connectors.read;

import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * Streams the rows of one worksheet part ({@code sheetN.xml}) with StAX: shared, inline and formula strings,
 * cached formula results, booleans, errors and numbers with their style. Never builds the sheet in memory;
 * the sheet's declared dimension is ignored, so a bogus {@code A1:XFD1048576} costs nothing.
 */
final class XlsxSheetParser {

    /** Excel's own limit; cells beyond it are ignored. */
    static final int MAX_COLUMNS = 16_384;

    private final SharedStrings sharedStrings;
    private final CellRow row = new CellRow();

    XlsxSheetParser(SharedStrings sharedStrings) {
        this.sharedStrings = sharedStrings;
    }

    void parse(InputStream sheetXml, SheetRows processor) throws XMLStreamException, FileRejectedException {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetXml);
        try {
            long rowNumber = 0;
            boolean hidden = false;
            boolean inRow = false;
            int nextColumn = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("row")) {
                        String r = xml.getAttributeValue(null, "r");
                        rowNumber = r != null ? Long.parseLong(r) : rowNumber + 1;
                        String h = xml.getAttributeValue(null, "hidden");
                        hidden = "1".equals(h) || "true".equals(h);
                        row.clear();
                        inRow = true;
                        nextColumn = 0;
                    } else if (name.equals("c") && inRow) {
                        String ref = xml.getAttributeValue(null, "r");
                        int column = ref != null ? columnOf(ref) : nextColumn;
                        nextColumn = column + 1;
                        readCell(xml, column, processor.lastUsefulColumn(MAX_COLUMNS));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("row")
                        && inRow) {
                    inRow = false;
                    processor.row(rowNumber, hidden, row);
                    if (!processor.wantsMore()) {
                        break;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("sheetData")) {
                    break;
                }
            }
        } finally {
            xml.close();
        }
    }

    /** Reads one {@code <c>} element up to its end tag. */
    private void readCell(XMLStreamReader xml, int column, int lastUseful) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        StringBuilder inline = null;
        int depth = 1;
        boolean inPhonetic = false;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if (name.equals("v")) {
                    value = xml.getElementText();
                    depth--;
                } else if (name.equals("rPh")) {
                    inPhonetic = true;
                } else if (name.equals("t") && !inPhonetic) {
                    inline = inline == null ? new StringBuilder() : inline;
                    inline.append(xml.getElementText());
                    depth--;
                } else if (name.equals("f")) {
                    xml.getElementText();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("rPh")) {
                    inPhonetic = false;
                }
            }
        }
        if (column > lastUseful || column >= MAX_COLUMNS) {
            return;
        }
        store(column, type, style, value, inline);
    }

    private void store(int column, String type, String style, String value, StringBuilder inline) {
        if (type == null || type.equals("n")) {
            if (value != null && !value.isBlank()) {
                try {
                    row.setNumber(column, Double.parseDouble(value), style == null ? 0 : Integer.parseInt(style));
                } catch (NumberFormatException notANumber) {
                    row.setText(column, CellRow.Kind.TEXT, value);
                }
            }
            return;
        }
        switch (type) {
            case "s" -> {
                if (value != null && !value.isBlank()) {
                    row.setText(
                            column,
                            CellRow.Kind.TEXT,
                            sharedStrings
                                    .getItemAt(Integer.parseInt(value.trim()))
                                    .getString());
                }
            }
            case "inlineStr" ->
                row.setText(
                        column,
                        CellRow.Kind.TEXT,
                        unescape(inline != null ? inline.toString() : value == null ? "" : value));
            case "str" -> row.setText(column, CellRow.Kind.TEXT, value == null ? "" : unescape(value));
            case "b" -> row.setBoolean(column, "1".equals(value) || "true".equalsIgnoreCase(value));
            case "e" -> row.setText(column, CellRow.Kind.ERROR, value == null ? "#ERROR" : value);
            case "d" -> row.setText(column, CellRow.Kind.ISO_DATE, value == null ? "" : value);
            default -> row.setText(column, CellRow.Kind.TEXT, value == null ? "" : value);
        }
    }

    /** 0-based column of a reference such as {@code AB12}. */
    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (column > MAX_COLUMNS) {
                return MAX_COLUMNS;
            }
        }
        return column - 1;
    }

    /** Decodes the {@code _xHHHH_} escapes OOXML uses for control characters such as carriage returns. */
    static String unescape(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            if (at + 7 <= text.length() && text.charAt(at + 6) == '_' && isHex(text, at + 2, at + 6)) {
                out.append(text, from, at).append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
                from = at + 7;
                at = text.indexOf("_x", from);
            } else {
                at = text.indexOf("_x", at + 1);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
