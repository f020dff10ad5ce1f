package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    @Test
    void refusesUnknownRoles() {
        assertThatThrownBy(() -> new UserAccount("stefan", "hash", Set.of("stewart"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JDBC user 'stefan' has unknown role 'stewart'; expected one of "
                        + "[analyst, personal_data, regional_manager, steward]");
    }

    @Test
    void regionalManagerNeedsRegions() {
        assertThatThrownBy(() -> new UserAccount("regine", "hash", Set.of(UserAccount.REGIONAL_MANAGER), Set.of()))
                .hasMessage("JDBC user 'regine' has role regional_manager but no regions; "
                        + "expected at least one sales_region value");
    }

    @Test
    void neverPrintsThePasswordHash() {
        UserAccount anna = new UserAccount("anna", "pbkdf2-sha256$1$c2FsdA==$aGFzaA==", Set.of("analyst"), Set.of());

        assertThat(anna.toString()).isEqualTo("UserAccount[name=anna, roles=[analyst], regions=[]]");
    }

    @Test
    void settingsRefuseUsersFiledUnderAnotherName() {
        UserAccount anna = new UserAccount("anna", "hash", Set.of("analyst"), Set.of());

        assertThatThrownBy(() -> JdbcServerSettings.localhost(0, Map.of("bernd", anna)))
                .hasMessage("JDBC user map key 'bernd' differs from the account's name 'anna'");
    }
}
