package io.salesbi.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTextTest {

    @Test
    void statementsSplitAtSemicolonsInCodeOnly() {
        assertThat(SqlText.statements("-- a; comment\nselect 'a;b';\n/* c; */ select 2 ; ;\nselect \"x;y\""))
                .containsExactly("select 'a;b'", "select 2", "select \"x;y\"");
    }

    @Test
    void codeOnlyBlanksStringsAndIdentifiersAndDropsComments() {
        assertThat(SqlText.codeOnly("select 'it''s core.x' -- core.y\nfrom core.z"))
                .isEqualTo("select    \nfrom core.z");
    }
}
