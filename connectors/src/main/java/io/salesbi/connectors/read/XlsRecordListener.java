package io.salesbi.connectors.read;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RowRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Turns the BIFF records of a legacy .xls workbook, as POI's event API streams them, into rows of the wanted sheet:
 * shared and inline strings, numbers with their format, cached formula results, booleans, errors, hidden rows and the
 * 1904 date system. Records of other sheets and of charts nested in a sheet are skipped.
 */
final class XlsRecordListener<P extends SheetRows> implements HSSFListener, CellFormats {

    /** Thrown to stop the record stream early: the wanted sheet is done or a row rejected the file. */
    static final class Stop extends RuntimeException {
        final transient FileRejectedException rejection;

        Stop(FileRejectedException rejection) {
            super(null, null, false, false);
            this.rejection = rejection;
        }
    }

    private final SheetSelector selector;
    private final Locale locale;
    private final Function<String, P> processorFactory;
    private final CellRow row = new CellRow();
    private final List<String> sheetNames = new ArrayList<>();
    private final BitSet hiddenSheets = new BitSet();
    private final BitSet hiddenRows = new BitSet();
    private FormatTrackingHSSFListener formats;
    private SSTRecord strings;
    private boolean date1904;
    private int depth;
    private int sheetIndex = -1;
    private P processor;
    private int currentRow = -1;
    private boolean pendingFormulaString;
    private int pendingColumn;

    /** Chooses the sheet once the names are known, in workbook order (see {@link SheetChoice}). */
    interface SheetSelector {
        boolean isWanted(String name, boolean hidden);
    }

    XlsRecordListener(SheetSelector selector, Function<String, P> processorFactory, Locale locale) {
        this.selector = selector;
        this.locale = locale;
        this.processorFactory = processorFactory;
    }

    void useFormats(FormatTrackingHSSFListener formatListener) {
        this.formats = formatListener;
    }

    /** The processor of the wanted sheet, null when the workbook has no such sheet. */
    P processor() {
        return processor;
    }

    @Override
    public void processRecord(Record record) {
        if (record instanceof BOFRecord bof) {
            depth++;
            if (depth == 1 && bof.getType() != BOFRecord.TYPE_WORKBOOK) {
                startSheet();
            }
            return;
        }
        if (record instanceof EOFRecord) {
            depth--;
            if (depth == 0 && processor != null) {
                endRow();
                throw new Stop(null);
            }
            return;
        }
        if (depth == 1 && sheetIndex < 0) {
            workbookRecord(record);
        } else if (depth == 1 && processor != null) {
            sheetRecord(record);
        }
    }

    private void workbookRecord(Record record) {
        if (record instanceof BoundSheetRecord sheet) {
            hiddenSheets.set(sheetNames.size(), sheet.isHidden() || sheet.isVeryHidden());
            sheetNames.add(sheet.getSheetname());
        } else if (record instanceof SSTRecord sst) {
            strings = sst;
        } else if (record instanceof DateWindow1904Record window) {
            date1904 = window.getWindowing() == 1;
        }
    }

    private void startSheet() {
        sheetIndex++;
        String name = sheetIndex < sheetNames.size() ? sheetNames.get(sheetIndex) : "Sheet" + (sheetIndex + 1);
        if (selector.isWanted(name, hiddenSheets.get(sheetIndex))) {
            processor = processorFactory.apply(name);
            processor.useValues(new ExcelValues(this, date1904, locale));
        }
    }

    private void sheetRecord(Record record) {
        if (record instanceof RowRecord rowRecord) {
            if (rowRecord.getZeroHeight()) {
                hiddenRows.set(rowRecord.getRowNumber());
            }
            return;
        }
        if (record instanceof StringRecord text && pendingFormulaString) {
            row.setText(pendingColumn, CellRow.Kind.TEXT, text.getString());
            pendingFormulaString = false;
            return;
        }
        if (record instanceof LastCellOfRowDummyRecord) {
            endRow();
            return;
        }
        if (record instanceof CellValueRecordInterface cell) {
            if (cell.getRow() != currentRow) {
                endRow();
                currentRow = cell.getRow();
            }
            if (cell.getColumn() <= processor.lastUsefulColumn(XlsxSheetParser.MAX_COLUMNS)) {
                cell(record, cell.getColumn());
            }
        }
    }

    private void cell(Record record, int column) {
        if (record instanceof LabelSSTRecord label) {
            row.setText(
                    column,
                    CellRow.Kind.TEXT,
                    strings.getString(label.getSSTIndex()).getString());
        } else if (record instanceof LabelRecord label) {
            row.setText(column, CellRow.Kind.TEXT, label.getValue());
        } else if (record instanceof NumberRecord number) {
            row.setNumber(column, number.getValue(), formats.getFormatIndex(number));
        } else if (record instanceof BoolErrRecord boolErr) {
            if (boolErr.isBoolean()) {
                row.setBoolean(column, boolErr.getBooleanValue());
            } else {
                row.setText(column, CellRow.Kind.ERROR, errorText(boolErr.getErrorValue()));
            }
        } else if (record instanceof FormulaRecord formula) {
            formulaResult(formula, column);
        }
    }

    private void formulaResult(FormulaRecord formula, int column) {
        CellType type = formula.getCachedResultTypeEnum();
        switch (type) {
            case STRING -> {
                pendingFormulaString = formula.hasCachedResultString();
                pendingColumn = column;
            }
            case BOOLEAN -> row.setBoolean(column, formula.getCachedBooleanValue());
            case ERROR -> row.setText(column, CellRow.Kind.ERROR, errorText(formula.getCachedErrorValue()));
            default -> row.setNumber(column, formula.getValue(), formats.getFormatIndex(formula));
        }
    }

    private void endRow() {
        if (currentRow < 0) {
            return;
        }
        try {
            processor.row(currentRow + 1L, hiddenRows.get(currentRow), row);
        } catch (FileRejectedException e) {
            throw new Stop(e);
        }
        row.clear();
        currentRow = -1;
        if (!processor.wantsMore()) {
            throw new Stop(null);
        }
    }

    private static String errorText(int code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException unknown) {
            return "#ERROR";
        }
    }

    @Override
    public int formatIndex(int format) {
        return format;
    }

    @Override
    public String formatString(int format) {
        String pattern = formats.getFormatString(format);
        return pattern == null ? "General" : pattern;
    }
}
