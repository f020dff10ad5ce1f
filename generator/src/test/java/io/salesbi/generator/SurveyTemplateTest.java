package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import io.salesbi.connectors.read.ReadSummary;
import io.salesbi.connectors.read.RowRejection;
import io.salesbi.connectors.read.RowSink;
import io.salesbi.connectors.read.SourceFileReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/templates/Standortbestimmung_Vorlage.xlsx is the empty template the generator writes, and the bundled mapping
 * takes it. Regenerate it: {@code ./mvnw -B -q -pl pipeline -am test -Dtest=SurveyTemplateTest
 * -Dsurvey.template.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SurveyTemplateTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path COMMITTED = Path.of("..", "docs", "templates", SurveyWorkbookWriter.TEMPLATE_FILE);

    private static final LocalDate STAMP = LocalDate.of(2026, 1, 1);

    @Test
    void committedTemplateIsTheGeneratedOneAndLoadsWithoutRows(@TempDir Path dir) throws Exception {
        Path generated = dir.resolve(SurveyWorkbookWriter.TEMPLATE_FILE);
        SurveyWorkbookWriter.writeTemplate(generated, STAMP);
        if (Boolean.getBoolean("survey.template.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.copy(generated, COMMITTED, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        assertThat(COMMITTED)
                .as("docs/templates template is out of date; regenerate it, see the class comment")
                .exists()
                .hasSameBinaryContentAs(generated);
        SourceMapping mapping = MappingLoader.loadBundled().stream()
                .filter(m -> m.name().equals("survey"))
                .findFirst()
                .orElseThrow();
        ReadSummary summary = SourceFileReader.forFile(generated, mapping).read(generated, mapping, new RowSink() {
            @Override
            public void accept(String sheet, long row, Object[] values) {
                throw new AssertionError("the template has no answers, but row " + row + " was read");
            }

            @Override
            public void reject(RowRejection rejection) {
                throw new AssertionError("rejected: " + rejection);
            }
        });
        assertThat(summary.rowsDelivered()).isZero();
        assertThat(summary.missingColumns()).isEmpty();
        assertThat(summary.unknownColumns()).isEmpty();
    }
}
