package io.salesbi.pipeline.privacy;

import io.salesbi.sql.PersonalColumn;
import io.salesbi.sql.PersonalDataCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The suppression list as the night's loading uses it: a delivered row whose e-mail, phone or name (the columns the
 * catalogue declares as such for the mapping's raw table) is on the list is dropped before it reaches the warehouse
 * and counted as suppressed. The list holds keyed hashes only ({@link PrivacyKey}).
 */
public final class Suppression {

    /** A list with nobody on it: nothing is dropped. */
    public static final Suppression NONE = new Suppression(null, Set.of());

    private final PrivacyKey key;
    private final Set<String> hashes;

    private Suppression(PrivacyKey key, Set<String> hashes) {
        this.key = key;
        this.hashes = hashes;
    }

    /** The list of the warehouse {@code warehouseFile}, read once per night. */
    public static Suppression load(Connection conn, Path warehouseFile) throws SQLException, IOException {
        Set<String> hashes = new HashSet<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("select identifier_hash from ops.privacy_suppression")) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        if (hashes.isEmpty()) {
            return NONE;
        }
        PrivacyKey key = PrivacyKey.loadIfPresent(warehouseFile);
        if (key == null) {
            throw new IOException("The suppression list holds " + hashes.size() + " entries but its key "
                    + PrivacyKey.fileOf(warehouseFile) + " is missing; restore it from the warehouse's backup, "
                    + "or erased people come back with the next delivery");
        }
        return new Suppression(key, Set.copyOf(hashes));
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** Whether one identifier of kind email, phone or name (as delivered) is on the list. */
    public boolean listed(String kind, String value) {
        if (hashes.isEmpty() || value == null) {
            return false;
        }
        String normalised = switch (kind) {
            case "email" -> Identifiers.email(value);
            case "phone" -> Identifiers.phone(value);
            case "name" -> Identifiers.name(value);
            default -> throw new IllegalArgumentException("unknown identifier kind " + kind);
        };
        return normalised != null && hashes.contains(key.hash(kind, normalised));
    }

    /** Whether a single delivered value (a quarantined cell) is a listed e-mail, phone or name. */
    public boolean listedAsAnything(String value) {
        return listed("email", value)
                || listed("name", value)
                || (value != null && value.matches("[0-9+()/ .\\-]+") && listed("phone", value));
    }

    /**
     * The test for the rows of one mapping: which of its fields are e-mails, phones and names by the catalogue's
     * declaration of its target table. {@code fields} are the mapping's field names in the order of a row's values.
     */
    public RowTest forTarget(PersonalDataCatalogue catalogue, String target, List<String> fields) {
        String[] parts = target.split("\\.", 2);
        List<Integer> emails = new ArrayList<>();
        List<Integer> phones = new ArrayList<>();
        List<Integer> names = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            PersonalColumn c =
                    catalogue.personal(parts[0], parts[1], fields.get(i)).orElse(null);
            if (c == null) {
                continue;
            }
            if (c.mask() == PersonalColumn.Mask.EMAIL) {
                emails.add(i);
            } else if (c.mask() == PersonalColumn.Mask.PHONE) {
                phones.add(i);
            } else if (c.category() == PersonalColumn.Category.NAME) {
                names.add(i);
            }
        }
        int first = fields.indexOf("first_name");
        int last = fields.indexOf("last_name");
        boolean fullName = first >= 0 && last >= 0 && names.contains(first) && names.contains(last);
        return values -> {
            if (hashes.isEmpty()) {
                return false;
            }
            for (int i : emails) {
                if (values[i] != null && listed("email", values[i].toString())) {
                    return true;
                }
            }
            for (int i : phones) {
                if (values[i] != null && listed("phone", values[i].toString())) {
                    return true;
                }
            }
            for (int i : names) {
                if (values[i] != null && listed("name", values[i].toString())) {
                    return true;
                }
            }
            return fullName
                    && values[first] != null
                    && values[last] != null
                    && listed("name", values[first] + " " + values[last]);
        };
    }

    /** Whether a row of one mapping holds a suppressed person. */
    @FunctionalInterface
    public interface RowTest {
        boolean suppressed(Object[] values);
    }
}
