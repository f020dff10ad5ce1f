package io.salesbi.match.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A labelled review file read back: yes and no become overrides, unsure and empty decisions are skipped. */
class OverridesReaderTest {

    @TempDir
    Path folder;

    @Test
    void yesNoAndUnsureLabels() throws Exception {
        Path file = folder.resolve("labels.csv");
        Files.write(
                file,
                List.of(
                        "record_1,record_2,decision",
                        "1,2,yes",
                        "3,4,no",
                        "5,6,unsure",
                        "7,8,",
                        "9,10,?",
                        "11,12,weiß nicht"));

        List<Override> overrides = OverridesReader.read(file);

        assertThat(overrides).hasSize(2);
        assertThat(overrides.get(0).action()).isEqualTo(Override.Action.FORCE_MATCH);
        assertThat(overrides.get(0).recordKey1()).isEqualTo("1");
        assertThat(overrides.get(1).action()).isEqualTo(Override.Action.FORCE_SPLIT);
        assertThat(overrides.get(1).recordKey2()).isEqualTo("4");
    }

    @Test
    void anythingElseNamesTheLineAndWhatWasExpected() throws IOException {
        Path file = folder.resolve("labels.csv");
        Files.write(file, List.of("record_1,record_2,decision", "1,2,vielleicht"));

        assertThatThrownBy(() -> OverridesReader.read(file))
                .hasMessageContaining("line 2, column 3: decision 'vielleicht', expected force_match/match/yes, "
                        + "force_split/no_match/no or unsure");
    }
}
