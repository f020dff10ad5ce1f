package io.salesbi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCatalogueTest {

    /** Relative to the module directory, where Maven runs the tests. */
    private static final Path DOCS = Path.of("..", "docs", "personal-data.md");

    private static final String LAYER_COLUMNS = """
            select table_schema || '.' || table_name || '.' || column_name from information_schema.columns
            where table_schema in ('raw', 'staging', 'quarantine', 'core', 'kpi')""";

    /** Declarations may also name operational tables (ops.audit's login), which are not scanned for suspects. */
    private static final String ALL_COLUMNS = """
            select table_schema || '.' || table_name || '.' || column_name from information_schema.columns""";

    @TempDir
    Path dir;

    @Test
    void everyPersonalLookingColumnOfTheMigratedWarehouseIsDeclared() throws Exception {
        // given a warehouse migrated as in production
        try (Connection conn = TestWarehouse.migrated(dir)) {
            Set<String> columns = TestWarehouse.rows(conn, LAYER_COLUMNS).stream()
                    .map(row -> row.get(0))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> declared = PersonalDataCatalogue.warehouse().declared().stream()
                    .map(PersonalColumn::qualifiedName)
                    .collect(Collectors.toCollection(TreeSet::new));

            // when its column names are compared with the catalogue
            List<String> undeclared = columns.stream()
                    .filter(column ->
                            PersonalDataCatalogue.looksPersonal(column.substring(column.lastIndexOf('.') + 1)))
                    .filter(column -> !declared.contains(column))
                    .toList();
            Set<String> allColumns = TestWarehouse.rows(conn, ALL_COLUMNS).stream()
                    .map(row -> row.get(0))
                    .collect(Collectors.toSet());
            List<String> gone = declared.stream()
                    .filter(column -> !allColumns.contains(column))
                    .toList();

            // then every suspect is declared (personal or reviewed), and every declaration names a real column
            assertThat(undeclared)
                    .as("columns whose names look personal, missing from " + PersonalDataCatalogue.WAREHOUSE_CATALOGUE
                            + " (declare them, as personal or as category none)")
                    .isEmpty();
            assertThat(gone)
                    .as("declared in " + PersonalDataCatalogue.WAREHOUSE_CATALOGUE + " but not in the warehouse")
                    .isEmpty();
        }
    }

    @Test
    void aNewContactColumnIsCaughtAndCountsAreNot() {
        assertThat(List.of(
                        "first_name",
                        "email",
                        "contact_person",
                        "customer_phone",
                        "remark",
                        "name2",
                        "street",
                        "account_owner"))
                .allMatch(PersonalDataCatalogue::looksPersonal);
        assertThat(List.of("contacts", "respondents", "credit_note_no", "postcode", "amount_eur"))
                .noneMatch(PersonalDataCatalogue::looksPersonal);
    }

    @Test
    void catalogueDeclaresTheCrmContactAsNameAndContact() {
        PersonalDataCatalogue catalogue = PersonalDataCatalogue.warehouse();

        assertThat(catalogue.personal("raw", "crm_contact", "EMAIL"))
                .get()
                .extracting(PersonalColumn::category, PersonalColumn::mask)
                .containsExactly(PersonalColumn.Category.CONTACT, PersonalColumn.Mask.EMAIL);
        assertThat(catalogue.personal("staging", "crm_contact", "last_name"))
                .get()
                .extracting(PersonalColumn::category)
                .isEqualTo(PersonalColumn.Category.NAME);
        assertThat(catalogue.personal("core", "customer_golden", "company_name"))
                .isEmpty();
        assertThat(catalogue.of("core", "customer_golden", "company_name")).isPresent();
    }

    @Test
    void badLinesAreRejectedNamingFileAndLine() {
        assertThatThrownBy(() -> PersonalDataCatalogue.parse("test.csv", """
                relation,column,category,mask,clear_for,why
                raw.crm_contact,email,contact,,,an e-mail
                """))
                .hasMessageStartingWith("test.csv line 2: raw.crm_contact.email: category contact needs a mask");
        assertThatThrownBy(() -> PersonalDataCatalogue.parse("test.csv", """
                relation,column,category,mask,clear_for,why
                raw.crm_contact,email,secret,redact,,an e-mail
                """))
                .hasMessageStartingWith("test.csv line 2: No enum constant");
        assertThatThrownBy(() -> PersonalDataCatalogue.parse("test.csv", """
                relation,column,category,mask,why
                raw.crm_contact,email,contact,email,an e-mail
                raw.crm_contact,EMAIL,contact,email,again
                """))
                .hasMessage("test.csv line 3: raw.crm_contact.email is declared twice");
    }

    @Test
    void aColumnMayBeClearForTheRolesItsRelationIsFor() {
        PersonalDataCatalogue catalogue = PersonalDataCatalogue.parse("test.csv", """
                relation,column,category,mask,clear_for,why
                ops.audit,login,name,initial,steward,user name, of an employee
                raw.crm_contact,email,contact,email,,an e-mail
                core.dim_customer,company_name,none,,,company
                """);

        PersonalColumn login = catalogue.personal("ops", "audit", "login").orElseThrow();
        assertThat(login.clearFor()).containsExactly("steward");
        assertThat(login.why()).isEqualTo("user name, of an employee");
        assertThat(login.clearFor(Set.of("steward"))).isTrue();
        assertThat(login.clearFor(Set.of("analyst", "personal_data"))).isTrue();
        assertThat(login.clearFor(Set.of("analyst"))).isFalse();
        PersonalColumn email = catalogue.personal("raw", "crm_contact", "email").orElseThrow();
        assertThat(email.clearFor(Set.of("steward"))).isFalse();
        assertThat(email.clearFor(Set.of("steward", "personal_data"))).isTrue();
        assertThat(catalogue
                        .of("core", "dim_customer", "company_name")
                        .orElseThrow()
                        .clearFor(Set.of()))
                .isTrue();
        // a file with the header before clear_for existed reads as clear for nobody
        assertThat(PersonalDataCatalogue.parse("old.csv", """
                        relation,column,category,mask,why
                        raw.crm_contact,email,contact,email,an e-mail, the contact's
                        """)
                        .personal("raw", "crm_contact", "email")
                        .orElseThrow())
                .extracting(PersonalColumn::clearFor, PersonalColumn::why)
                .containsExactly(Set.of(), "an e-mail, the contact's");
        // a line written for the old header in a file with the new one fails, naming file and line
        assertThatThrownBy(() -> PersonalDataCatalogue.parse("test.csv", """
                relation,column,category,mask,clear_for,why
                raw.crm_contact,email,contact,email,the contact's e-mail, at work
                """))
                .hasMessageStartingWith("test.csv line 2: expected 'relation,column,category,mask,clear_for,why'");
        assertThatThrownBy(() -> PersonalDataCatalogue.parse("test.csv", """
                relation,column,category,mask,clear_for,why
                core.dim_customer,company_name,none,,steward,company
                """))
                .hasMessageContaining("category none is read in clear by everybody");
    }

    @Test
    void docsPersonalDataMdIsGeneratedFromTheCurrentCatalogue() throws Exception {
        String generated = PersonalDataDocs.render(PersonalDataCatalogue.warehouse());
        if (Boolean.getBoolean("personaldocs.update")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }

        String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("docs/personal-data.md is out of date; regenerate it: ./mvnw -B -q -pl sql -am test "
                        + "-Dtest=PersonalDataCatalogueTest -Dpersonaldocs.update=true "
                        + "-Dsurefire.failIfNoSpecifiedTests=false")
                .isEqualTo(generated);
        assertThat(generated)
                .contains(
                        "| raw.crm_contact | `email` | contact | email | contact person's e-mail address |",
                        "| core.customer_golden | `company_name` | company name (legal entity) |");
    }
}
