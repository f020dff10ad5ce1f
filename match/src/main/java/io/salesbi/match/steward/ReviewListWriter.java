package io.salesbi.match.steward;

import io.salesbi.match.engine.MatchResult;
import io.salesbi.match.engine.PairDecisions;
import io.salesbi.match.engine.PairExplanation;
import io.salesbi.match.engine.ScoredPairs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the review band as an .xlsx list a steward fills in: one row per pair with both records' values and the
 * evidence of every field, and an empty {@code decision} column (match / no_match). Dropped into the overrides
 * folder, the filled-in file is read back by {@link OverridesReader} as force_match / force_split overrides.
 */
public final class ReviewListWriter {

    private final MatchResult result;
    private final PairDecisions decisions;

    public ReviewListWriter(MatchResult result, PairDecisions decisions) {
        this.result = result;
        this.decisions = decisions;
    }

    /**
     * @param reviewPairs   indexes of the pairs to list
     * @param recordKeys    record key per record index
     * @param displayValues per weighted field the records' values as delivered
     */
    public void write(Path file, List<Integer> reviewPairs, List<String> recordKeys, List<String[]> displayValues)
            throws IOException {
        ScoredPairs pairs = result.pairs();
        List<Integer> ordered = new ArrayList<>(reviewPairs);
        ordered.sort(Comparator.comparingDouble((Integer p) -> -pairs.logit(p))
                .thenComparing(p -> recordKeys.get(pairs.a(p)))
                .thenComparing(p -> recordKeys.get(pairs.b(p))));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, false, true)) {
            Sheet sheet = workbook.createSheet("Review");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            List<String> header =
                    new ArrayList<>(List.of("record_1", "record_2", "match_probability", "decision", "comment"));
            for (String field : result.weightedFields()) {
                header.add(field + " (1)");
                header.add(field + " (2)");
                header.add(field + " evidence");
            }
            header.add("waterfall");
            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                headerRow.createCell(c).setCellValue(header.get(c));
                headerRow.getCell(c).setCellStyle(bold);
            }
            int r = 1;
            for (int p : ordered) {
                Row row = sheet.createRow(r++);
                int a = pairs.a(p);
                int b = pairs.b(p);
                row.createCell(0).setCellValue(recordKeys.get(a));
                row.createCell(1).setCellValue(recordKeys.get(b));
                row.createCell(2).setCellValue(Math.round(pairs.probability(p) * 10_000) / 10_000.0);
                int c = 5;
                for (int f = 0; f < result.weightedFields().size(); f++) {
                    String[] values = displayValues.get(f);
                    int level = pairs.level(p, f);
                    row.createCell(c++).setCellValue(values[a] == null ? "" : values[a]);
                    row.createCell(c++).setCellValue(values[b] == null ? "" : values[b]);
                    row.createCell(c++)
                            .setCellValue(String.format(
                                    Locale.ROOT,
                                    "%s (%+.1f)",
                                    decisions.levelName(f, level),
                                    decisions.weight(f, level)));
                }
                row.createCell(c).setCellValue(waterfall(result.explain(p)));
            }
            if (!ordered.isEmpty()) {
                DataValidationHelper helper = sheet.getDataValidationHelper();
                DataValidation validation = helper.createValidation(
                        helper.createExplicitListConstraint(new String[] {"match", "no_match", "unsure"}),
                        new CellRangeAddressList(1, ordered.size(), 3, 3));
                sheet.addValidationData(validation);
            }
            sheet.createFreezePane(2, 1);
            Sheet help = workbook.createSheet("How to use");
            String[] lines = {
                "Each row is a pair of customer records the matcher could not decide on its own.",
                "Fill in the column 'decision' with match (same customer) or no_match (different customers).",
                "Leave it empty or write unsure to decide later. Then drop this file into the overrides folder:",
                "every following run applies your decisions (match = force_match, no_match = force_split)",
                "and learns from them: the model is re-estimated with your matches as labelled pairs.",
                "The column 'waterfall' shows how the score came about: the prior, then what each field added",
                "(with the term-frequency adjustment of a common or rare value), then the score used."
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /**
     * The pair's score as a waterfall in one cell: "prior -11.2 | company +8.1 | street +5.3 (tf -0.4) | phone
     * missing | = 2.2", then the score used when an id decided or the pair was held at the review threshold.
     */
    static String waterfall(PairExplanation explanation) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "prior %+.1f", explanation.priorLogit()));
        for (PairExplanation.Contribution field : explanation.fields()) {
            text.append(" | ").append(field.field());
            if (field.level() < 0) {
                text.append(" missing");
                continue;
            }
            text.append(String.format(Locale.ROOT, " %+.1f", field.total()));
            if (field.adjustment() != 0) {
                text.append(String.format(Locale.ROOT, " (tf %+.1f)", field.adjustment()));
            }
        }
        text.append(String.format(Locale.ROOT, " | = %+.1f", explanation.fieldLogit()));
        if (explanation.decisive() > 0) {
            text.append(", linked by an agreeing id");
        } else if (explanation.decisive() < 0) {
            text.append(", kept apart by contradicting VAT ids");
        } else if (explanation.heldAtReview()) {
            text.append(String.format(Locale.ROOT, ", held at review (%+.1f)", explanation.logit()));
        }
        return text.toString();
    }
}
