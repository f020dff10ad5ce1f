package io.salesbi.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module graph of docs/architecture.md, as a test: every module depends only downward, no package cycle anywhere,
 * no module reaches into another's internals, and the libraries (match engine, generator, connectors) know nothing of
 * the night. The application's class path
 * holds every module but the benchmarks, which Maven already keeps out (nothing may depend on bench/).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.salesbi");
    }

    @Test
    void modulesDependOnlyDownward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage("io.salesbi..")
                .layer("connectors")
                .definedBy("io.salesbi.connectors..")
                .layer("sql")
                .definedBy("io.salesbi.sql..")
                .layer("match")
                .definedBy("io.salesbi.match..")
                .layer("generator")
                .definedBy("io.salesbi.generator..")
                .layer("server")
                .definedBy("io.salesbi.server..")
                .layer("dashboards")
                .definedBy("io.salesbi.dashboards..")
                .layer("pipeline")
                .definedBy("io.salesbi.pipeline..")
                .whereLayer("pipeline")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("server")
                .mayOnlyBeAccessedByLayers("pipeline")
                .whereLayer("dashboards")
                .mayOnlyBeAccessedByLayers("pipeline")
                .whereLayer("match")
                .mayOnlyBeAccessedByLayers("pipeline")
                .whereLayer("generator")
                .mayOnlyBeAccessedByLayers("pipeline")
                .whereLayer("sql")
                .mayOnlyBeAccessedByLayers("server", "dashboards", "pipeline")
                .whereLayer("connectors")
                .mayOnlyBeAccessedByLayers("dashboards", "pipeline")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.salesbi.(**)").should().beFreeOfCycles().check(classes);
    }

    /**
     * A module's internals are its own: other modules use the match engine through its API packages ({@code
     * io.salesbi.match}, {@code engine}, {@code quality}, {@code adhoc}); the survivorship, standardizers, record
     * model and steward overrides behind them are reached only from inside the engine.
     */
    @Test
    void noModuleReachesIntoAnothersInternals() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.salesbi.match..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.salesbi.match.golden..",
                        "io.salesbi.match.standardize..",
                        "io.salesbi.match.record..",
                        "io.salesbi.match.steward..")
                .check(classes);
    }

    @Test
    void theMatchEngineIsALibraryWithoutFrameworks() {
        noClasses()
                .that()
                .resideInAPackage("io.salesbi.match..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.camel..", "picocli..", "org.apache.calcite..")
                .check(classes);
    }

    @Test
    void commandsLiveInCli() {
        noClasses()
                .that()
                .areAnnotatedWith(picocli.CommandLine.Command.class)
                .should()
                .resideOutsideOfPackages("io.salesbi.pipeline.cli..", "io.salesbi.bench.cli..")
                .check(classes);
    }
}
