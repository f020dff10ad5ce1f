package io.salesbi.server;

import java.util.Set;
import java.util.TreeSet;

/**
 * One analyst account of the JDBC endpoint.
 *
 * <p>Roles: {@value #ANALYST} (default reader of {@code kpi} and {@code core}), {@value #STEWARD} (also sees
 * {@code raw} and {@code quarantine}), {@value #REGIONAL_MANAGER} (row-level security: customer-level rows only of
 * {@code regions}, see {@link RegionRowFilter}). {@value #PERSONAL_DATA} is a right given beside a role: without it,
 * the personal columns of the catalogue ({@link io.salesbi.sql.PersonalDataCatalogue}) are served masked (see
 * {@link PersonalDataMask}).
 *
 * @param name         login name (case-sensitive)
 * @param passwordHash a {@link PasswordHasher} hash, never the password itself
 * @param roles        role names, lower case
 * @param regions      sales regions ({@code sales_region} values) a regional manager may see; empty for other roles
 */
public record UserAccount(String name, String passwordHash, Set<String> roles, Set<String> regions) {

    public static final String ANALYST = "analyst";
    public static final String STEWARD = "steward";
    public static final String REGIONAL_MANAGER = "regional_manager";
    /** The right to see personal data in clear over JDBC, e.g. {@code roles: [steward, personal_data]}. */
    public static final String PERSONAL_DATA = "personal_data";

    public static final Set<String> KNOWN_ROLES = Set.of(ANALYST, STEWARD, REGIONAL_MANAGER, PERSONAL_DATA);

    private static final String ANONYMOUS = "anonymous";

    public UserAccount {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("JDBC user account needs a name");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("JDBC user '" + name + "' has no password hash");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        for (String role : roles) {
            if (!KNOWN_ROLES.contains(role)) {
                // A typo must not silently leave a steward without raw access or a manager without a filter.
                throw new IllegalArgumentException("JDBC user '" + name + "' has unknown role '" + role
                        + "'; expected one of " + new TreeSet<>(KNOWN_ROLES));
            }
        }
        if (roles.contains(REGIONAL_MANAGER) && regions.isEmpty()) {
            throw new IllegalArgumentException("JDBC user '" + name + "' has role " + REGIONAL_MANAGER
                    + " but no regions; expected at least one sales_region value");
        }
    }

    /** The account requests without credentials run as when anonymous access is allowed: a plain analyst. */
    public static UserAccount anonymous() {
        return new UserAccount(ANONYMOUS, PasswordHasher.NO_PASSWORD, Set.of(ANALYST), Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String toString() {
        // The hash stays out of logs as well.
        return "UserAccount[name=" + name + ", roles=" + roles + ", regions=" + regions + "]";
    }
}
