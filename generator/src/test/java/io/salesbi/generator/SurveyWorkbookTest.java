package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.ReadSummary;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated self-assessment workbooks load through the bundled mapping {@code survey} without a rejected row,
 * use only the documented values, and carry the story of the demo: activists in the first wave, doers in the second,
 * the self-image above the customers' view.
 */
class SurveyWorkbookTest {

    static GeneratedInbox inbox;
    static SourceMapping mapping;

    @BeforeAll
    static void generate() throws IOException {
        inbox = GeneratedInbox.shared(0.01, 7L);
        mapping = MappingLoader.loadBundled().stream()
                .filter(m -> m.name().equals("survey"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void twoWavesNamedByYearOneRowPerRespondentAndQuestion() throws Exception {
        try (Stream<Path> files = Files.list(inbox.root.resolve("inbox/survey"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("Standortbestimmung_2025.xlsx", "Standortbestimmung_2026.xlsx");
        }
        Answers first = read("2025");

        // 4 + 2 + 8 + 5 + 10 respondents x 24 questions
        assertThat(first.summary.rowsDelivered()).isEqualTo(29 * 24);
        assertThat(first.summary.rowsAccepted()).isEqualTo(29 * 24);
        assertThat(first.rejections).isEmpty();
        assertThat(first.summary.unknownColumns()).isEmpty();
        assertThat(inbox.summary.rowsPerFile().get(inbox.root.resolve("inbox/survey/Standortbestimmung_2025.xlsx")))
                .isEqualTo(29L * 24);
    }

    @Test
    void valuesAreFromTheDocumentedVocabularies() throws Exception {
        Answers answers = read("2026");
        Set<Object> roles = new HashSet<>();
        for (Object[] row : answers.rows) {
            assertThat(row[0]).isEqualTo("2026");
            roles.add(row[2]);
            assertThat(row[3]).isIn((Object[]) SurveyCatalog.AREAS);
            assertThat(row[4]).isIn((Object[]) SurveyCatalog.ORIENTATIONS);
            assertThat((Long) row[7]).isBetween(1L, 5L);
        }
        assertThat(roles)
                .containsExactlyInAnyOrder(
                        "Selbstbild", "Vertriebsleitung", "Vertriebsmitarbeiter", "Andere Abteilung", "Kunde/Partner");
    }

    @Test
    void firstWaveActivistsSecondWaveDoersSelfImageRosierThanCustomers() throws Exception {
        double[] first = read("2025").areaMeans(null);
        double[] second = read("2026").areaMeans(null);

        // the rule of kpi.survey_profile: execution (M + C) / 2 above planning (S + I) / 2; then M >= C gives doers
        assertThat((first[1] + first[2]) / 2).isGreaterThan((first[0] + first[3]) / 2);
        assertThat(first[2])
                .as("customer relationships ahead of sales management")
                .isGreaterThan(first[1]);
        assertThat((second[1] + second[2]) / 2).isGreaterThan((second[0] + second[3]) / 2);
        assertThat(second[1])
                .as("sales management ahead of customer relationships")
                .isGreaterThan(second[2]);

        Answers answers = read("2025");
        assertThat(mean(answers.areaMeans("Selbstbild"))).isGreaterThan(mean(answers.areaMeans("Kunde/Partner")) + 0.5);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static Answers read(String wave) throws Exception {
        Path file = inbox.root.resolve("inbox/survey/Standortbestimmung_" + wave + ".xlsx");
        Answers answers = new Answers();
        answers.summary = SourceFileReader.forFile(file, mapping).read(file, mapping, answers);
        return answers;
    }

    /** The accepted rows (values in the order of the mapping's fields) and the rejections. */
    static final class Answers implements RowSink {
        final List<Object[]> rows = new ArrayList<>();
        final List<RowRejection> rejections = new ArrayList<>();
        ReadSummary summary;

        @Override
        public void accept(String sheet, long row, Object[] values) {
            rows.add(values);
        }

        @Override
        public void reject(RowRejection rejection) {
            rejections.add(rejection);
        }

        /** Mean score per area (order of {@link SurveyCatalog#AREAS}) of one role, or of all when role is null. */
        double[] areaMeans(String role) {
            double[] sum = new double[4];
            int[] count = new int[4];
            for (Object[] row : rows) {
                if (role == null || role.equals(row[2])) {
                    int area = Arrays.asList(SurveyCatalog.AREAS).indexOf(row[3]);
                    sum[area] += (Long) row[7];
                    count[area]++;
                }
            }
            double[] means = new double[4];
            for (int a = 0; a < 4; a++) {
                means[a] = sum[a] / count[a];
            }
            return means;
        }
    }
}
