package io.salesbi.connectors.read;

import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/** Number formats of an xlsx workbook by cell style index, looked up once per style. */
final class XlsxFormats implements CellFormats {

    private final StylesTable styles;
    private final int[] indexes;
    private final String[] patterns;

    XlsxFormats(StylesTable styles) {
        this.styles = styles;
        int count = styles == null ? 0 : styles.getNumCellStyles();
        this.indexes = new int[count];
        this.patterns = new String[count];
    }

    @Override
    public int formatIndex(int style) {
        return resolve(style) ? indexes[style] : 0;
    }

    @Override
    public String formatString(int style) {
        return resolve(style) ? patterns[style] : "General";
    }

    private boolean resolve(int style) {
        if (style < 0 || style >= patterns.length) {
            return false;
        }
        if (patterns[style] == null) {
            XSSFCellStyle cellStyle = styles.getStyleAt(style);
            indexes[style] = cellStyle == null ? 0 : cellStyle.getDataFormat();
            String pattern = cellStyle == null ? null : cellStyle.getDataFormatString();
            patterns[style] = pattern == null ? "General" : pattern;
        }
        return true;
    }
}
