package io.salesbi.generator;

import io.salesbi.generator.SurveyCatalog.Question;
import io.salesbi.generator.SurveyCatalog.Role;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the self-assessment workbooks (Standortbestimmung_&lt;wave&gt;.xlsx, sheet Antworten, one row per respondent
 * and question) and the empty template of docs/templates. Demo answers: the firm is an activist in the first wave
 * (customer relationships strong, strategy and information management weak) and moves towards a doer in the
 * second (sales management improved most); the self-image is rosier than the customers' view, most of all on
 * customer orientation, and other departments see little team orientation.
 */
final class SurveyWorkbookWriter {

    static final String SHEET = "Antworten";
    static final String TEMPLATE_FILE = "Standortbestimmung_Vorlage.xlsx";
    /** Respondents per role and wave, in the order of {@link Role}. */
    static final int[] RESPONDENTS = {4, 2, 8, 5, 10};
    /** True level per area (order of {@link SurveyCatalog#AREAS}) in the first and the second wave. */
    static final double[][] AREA_LEVEL = {{2.6, 2.9, 3.8, 2.5}, {2.9, 3.8, 3.6, 2.8}};
    /** Bias of each role's view, added to every answer. */
    static final double[] ROLE_BIAS = {0.7, 0.4, 0.3, -0.2, -0.3};

    private static final String[] COMMENTS = {
        "Gilt nur für den Außendienst.",
        "Hat sich im letzten Jahr verbessert.",
        "Kenne ich nicht aus eigener Erfahrung.",
        "Hängt stark vom Ansprechpartner ab.",
        "Dafür fehlt die Zeit."
    };

    private final Rng rng;
    private final LocalDate stamp;

    SurveyWorkbookWriter(Rng rng, LocalDate stamp) {
        this.rng = rng;
        this.stamp = stamp;
    }

    static String fileName(String wave) {
        return "Standortbestimmung_" + wave + ".xlsx";
    }

    /** Writes the answers of one wave (0 = first, 1 = second); returns the answer rows written. */
    long write(Path file, String wave, int waveIndex) throws IOException {
        SXSSFWorkbook wb = XlsxWorkbooks.create();
        SXSSFSheet sheet = header(wb);
        int r = 1;
        for (Role role : Role.values()) {
            for (int n = 1; n <= RESPONDENTS[role.ordinal()]; n++) {
                String respondent = role.prefix + String.format("%02d", n);
                double personal = rng.gaussian() * 0.35;
                for (Question q : SurveyCatalog.QUESTIONS) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(wave);
                    row.createCell(1).setCellValue(respondent);
                    row.createCell(2).setCellValue(role.label);
                    row.createCell(3).setCellValue(SurveyCatalog.AREAS[q.area()]);
                    row.createCell(4).setCellValue(SurveyCatalog.ORIENTATIONS[q.orientation()]);
                    row.createCell(5).setCellValue(q.id());
                    row.createCell(6).setCellValue(q.text());
                    row.createCell(7).setCellValue(score(waveIndex, role, q, personal));
                    if (rng.chance(0.06)) {
                        row.createCell(8).setCellValue(COMMENTS[rng.nextInt(COMMENTS.length)]);
                    }
                }
            }
        }
        explanation(wb);
        XlsxWorkbooks.save(wb, file, stamp);
        return r - 1L;
    }

    private int score(int waveIndex, Role role, Question q, double personal) {
        double level = AREA_LEVEL[waveIndex][q.area()] + ROLE_BIAS[role.ordinal()] + personal + rng.gaussian() * 0.6;
        if (role == Role.CUSTOMER_PARTNER && q.orientation() == 0) {
            level -= 0.3;
        }
        if (role == Role.OTHER_DEPARTMENT && q.orientation() == 2) {
            level -= 0.4;
        }
        return (int) Math.max(SurveyCatalog.MIN_SCORE, Math.min(SurveyCatalog.MAX_SCORE, Math.round(level)));
    }

    /** The empty template: the answer sheet's header, the question catalogue and the allowed values. */
    static void writeTemplate(Path file, LocalDate stamp) throws IOException {
        SXSSFWorkbook wb = XlsxWorkbooks.create();
        header(wb);
        SXSSFSheet questions = wb.createSheet("Fragen");
        String[] head = {"Frage-Nr.", "Bereich", "Ausrichtung", "Frage"};
        Row top = questions.createRow(0);
        for (int c = 0; c < head.length; c++) {
            top.createCell(c).setCellValue(head[c]);
        }
        int r = 1;
        for (Question q : SurveyCatalog.QUESTIONS) {
            Row row = questions.createRow(r++);
            row.createCell(0).setCellValue(q.id());
            row.createCell(1).setCellValue(SurveyCatalog.AREAS[q.area()]);
            row.createCell(2).setCellValue(SurveyCatalog.ORIENTATIONS[q.orientation()]);
            row.createCell(3).setCellValue(q.text());
        }
        explanation(wb);
        XlsxWorkbooks.save(wb, file, stamp);
    }

    private static SXSSFSheet header(SXSSFWorkbook wb) {
        SXSSFSheet sheet = wb.createSheet(SHEET);
        Row head = sheet.createRow(0);
        var bold = XlsxWorkbooks.bold(wb, (short) 11);
        for (int c = 0; c < SurveyCatalog.HEADER.length; c++) {
            head.createCell(c).setCellValue(SurveyCatalog.HEADER[c]);
            head.getCell(c).setCellStyle(bold);
        }
        return sheet;
    }

    private static void explanation(SXSSFWorkbook wb) {
        SXSSFSheet sheet = wb.createSheet("Erläuterung");
        String[][] lines = {
            {"Spalte", "Inhalt", "Erlaubte Werte"},
            {"Welle", "Befragungswelle; muss zeitlich sortierbar sein", "z. B. 2025, 2026 oder 2025-H1"},
            {"Befragter", "anonyme Nummer des Befragten, je Welle eindeutig", "z. B. K07"},
            {"Rolle", "Sicht des Befragten", String.join(", ", roleLabels())},
            {"Bereich", "Bereich der Frage", String.join(", ", SurveyCatalog.AREAS)},
            {"Ausrichtung", "Ausrichtung der Frage", String.join(", ", SurveyCatalog.ORIENTATIONS)},
            {"Frage-Nr.", "Nummer der Frage aus dem Blatt Fragen", "F01 bis F24"},
            {"Frage", "Text der Frage (optional)", ""},
            {
                "Bewertung",
                "1 = trifft nicht zu, 2 = trifft kaum zu, 3 = teils/teils, 4 = trifft überwiegend zu,"
                        + " 5 = trifft voll zu",
                "ganze Zahl 1 bis 5; keine Angabe: Zeile weglassen"
            },
            {"Kommentar", "freier Text (optional)", ""}
        };
        for (int r = 0; r < lines.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < lines[r].length; c++) {
                row.createCell(c).setCellValue(lines[r][c]);
            }
        }
    }

    private static String[] roleLabels() {
        Role[] roles = Role.values();
        String[] labels = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            labels[i] = roles[i].label;
        }
        return labels;
    }
}
