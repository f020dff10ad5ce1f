package io.salesbi.connectors.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps what a reader emits, for assertions. */
final class CollectingSink implements RowSink {

    record Row(String sheet, long row, List<Object> values) {}

    final List<Row> rows = new ArrayList<>();
    final List<RowRejection> rejections = new ArrayList<>();

    @Override
    public void accept(String sheet, long row, Object[] values) {
        rows.add(new Row(sheet, row, Arrays.asList(values.clone())));
    }

    @Override
    public void reject(RowRejection rejection) {
        rejections.add(rejection);
    }

    List<Object> values(int index) {
        return rows.get(index).values();
    }
}
