package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GeneratorSettingsTest {

    @Test
    void countsScaleLinearlyWithAFloor() {
        GeneratorSettings settings = GeneratorSettings.of(0.5, 1, Path.of("out"));
        assertThat(settings.scaled(2600, 10)).isEqualTo(1300);
        assertThat(settings.scaled(8, 1)).isEqualTo(4);
        assertThat(GeneratorSettings.of(0.01, 1, Path.of("out")).scaled(8, 1)).isEqualTo(1);
        assertThat(settings.exportDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void rejectsAScaleOfZeroAndAnExportDateInsideTheOrderYears() {
        assertThatThrownBy(() -> GeneratorSettings.of(0, 1, Path.of("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale must be > 0");
        assertThatThrownBy(() -> new GeneratorSettings(1, 1, Path.of("out"), LocalDate.of(2025, 6, 30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exportDate must be after 2025-12-31");
    }
}
