package io.salesbi.connectors.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.connectors.mapping.MappingLoader;
import io.salesbi.connectors.mapping.SourceMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent (#21 item 6): the bundled CRM contacts mapping reads the contact's opt-out flag under the common spellings,
 * in the common ways of writing yes and no, and quarantines a value it cannot read with file, row, column, value and
 * what was expected. An export without the column still loads.
 */
class ContactConsentTest {

    @TempDir
    Path dir;

    private final SourceMapping contacts = MappingLoader.loadBundled().stream()
            .filter(m -> m.name().equals("crm_contacts"))
            .findFirst()
            .orElseThrow();

    @Test
    void theFlagIsReadInEveryCommonSpellingAndAnUnreadableOneIsQuarantined() throws Exception {
        Path file = write("crm_contacts_20260110.csv", """
                Contact ID,Account ID,First Name,Last Name,Buying Center Role,Email,Phone,Werbewiderspruch
                K1,A-1,Anna,Arndt,Decision Maker,a@kunde.de,,ja
                K2,A-1,Bernd,Bauer,Purchaser,b@kunde.de,,nein
                K3,A-1,Clara,Claus,Purchaser,,,1
                K4,A-3,Dieter,Dorn,User,,,0
                K5,A-3,Eva,Ernst,User,,,TRUE
                K6,A-3,Frank,Fuchs,User,,,
                K7,A-3,Gina,Graf,User,,,vielleicht
                """);

        CollectingSink sink = new CollectingSink();
        ReadSummary summary = SourceFileReader.forFile(file, contacts).read(file, contacts, sink);

        int flag = contacts.fields().size() - 1;
        assertThat(contacts.fields().get(flag).field()).isEqualTo("opted_out");
        assertThat(sink.rows)
                .extracting(r -> r.values().get(0) + "=" + r.values().get(flag))
                .containsExactly("K1=true", "K2=false", "K3=true", "K4=false", "K5=true", "K6=null");
        assertThat(sink.rejections)
                .extracting(
                        RowRejection::file,
                        RowRejection::row,
                        RowRejection::column,
                        RowRejection::rawValue,
                        RowRejection::rule,
                        RowRejection::message)
                .containsExactly(tuple(
                        "crm_contacts_20260110.csv",
                        8L,
                        "Werbewiderspruch",
                        "vielleicht",
                        "type.boolean",
                        "expected true/false, yes/no, ja/nein, 1/0 or x"));
        assertThat(summary.rowsDelivered()).isEqualTo(7);
        assertThat(summary.rowsAccepted()).isEqualTo(6);
    }

    @Test
    void salesforceSpellingsAndAnExportWithoutTheColumn() throws Exception {
        Path salesforce = write("crm_contacts_sf.csv", """
                Contact ID,Account ID,First Name,Last Name,Buying Center Role,Email,Phone,HasOptedOutOfEmail
                K1,A-1,Anna,Arndt,Decision Maker,,,true
                K2,A-1,Bernd,Bauer,Purchaser,,,false
                """);
        Path without = write("crm_contacts_old.csv", """
                Contact ID,Account ID,First Name,Last Name,Buying Center Role,Email,Phone
                K1,A-1,Anna,Arndt,Decision Maker,,
                """);
        int flag = contacts.fields().size() - 1;

        CollectingSink sf = new CollectingSink();
        SourceFileReader.forFile(salesforce, contacts).read(salesforce, contacts, sf);
        CollectingSink old = new CollectingSink();
        SourceFileReader.forFile(without, contacts).read(without, contacts, old);

        assertThat(sf.rows).extracting(r -> r.values().get(flag)).containsExactly(true, false);
        assertThat(sf.rejections).isEmpty();
        assertThat(old.rows).extracting(r -> r.values().get(flag)).containsExactly((Object) null);
        assertThat(old.rejections).isEmpty();
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(Arrays.asList(values).toArray());
    }
}
