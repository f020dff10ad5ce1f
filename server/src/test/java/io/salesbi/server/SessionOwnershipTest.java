package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.apache.calcite.avatica.Meta.ConnectionHandle;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.junit.jupiter.api.Test;

class SessionOwnershipTest {

    private final SessionOwnership ownership = new SessionOwnership();
    private final UserAccount anna = account("anna");
    private final UserAccount bernd = account("bernd");

    @Test
    void ownerMayUseTheirConnectionAndStatement() {
        // given anna opened connection c-1 and statement 7 on it
        ConnectionHandle connection = new ConnectionHandle("c-1");
        ownership.claim(anna, "c-1");
        StatementHandle statement = new StatementHandle("c-1", 7, null);
        ownership.record("createStatement", new Object[] {connection}, statement);

        // then
        assertThatCode(() -> ownership.checkAccess(anna, "fetch", new Object[] {statement, 0L, 100}))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherUserMayNotUseSomebodysConnection() {
        ConnectionHandle connection = new ConnectionHandle("c-1");
        ownership.claim(anna, "c-1");

        assertThatThrownBy(() -> ownership.checkAccess(bernd, "createStatement", new Object[] {connection}))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessage("connection c-1 belongs to another user");
        assertThatThrownBy(() -> ownership.claim(bernd, "c-1")).hasMessage("connection c-1 belongs to another user");
    }

    @Test
    void ownerMayReopenAConnectionTheServerExpired() {
        assertThat(ownership.claim(anna, "c-1")).isTrue();

        assertThat(ownership.claim(anna, "c-1")).isFalse();
    }

    @Test
    void aStatementIdOfAnotherConnectionIsRefused() {
        // given statement 7 belongs to anna's connection c-1, bernd has his own connection c-2
        ownership.claim(anna, "c-1");
        ownership.record(
                "createStatement", new Object[] {new ConnectionHandle("c-1")}, new StatementHandle("c-1", 7, null));
        ownership.claim(bernd, "c-2");

        // when bernd fetches statement 7 through his own connection, then
        assertThatThrownBy(() -> ownership.checkAccess(
                        bernd, "fetch", new Object[] {new StatementHandle("c-2", 7, null), 0L, 100}))
                .hasMessage("statement 7 is unknown on connection c-2");
    }

    @Test
    void closedConnectionsAreForgotten() {
        ConnectionHandle connection = new ConnectionHandle("c-1");
        ownership.claim(anna, "c-1");
        ownership.record("closeConnection", new Object[] {connection}, null);

        assertThat(ownership.claim(bernd, "c-1")).isTrue();
    }

    @Test
    void aConnectionNobodyOpenedIsRefused() {
        assertThatThrownBy(() ->
                        ownership.checkAccess(anna, "createStatement", new Object[] {new ConnectionHandle("c-9")}))
                .hasMessage("connection c-9 is not open");
        assertThatCode(() -> ownership.checkAccess(anna, "closeConnection", new Object[] {new ConnectionHandle("c-9")}))
                .doesNotThrowAnyException();
    }

    private static UserAccount account(String name) {
        return new UserAccount(name, "hash", Set.of(UserAccount.ANALYST), Set.of());
    }
}
