package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.Meta.ConnectionHandle;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.ProtobufMeta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardedMetaTest {

    private static final String CANNOT_PLAN =
            "Relational expression rel#12:LogicalWindow.JDBC.kpi has calling-convention"
                    + " JDBC.kpi but does not implement the required interface";

    @AfterEach
    void forgetUser() {
        CurrentUser.clear();
    }

    @Test
    void aPlannerAssertionReachesTheClientAsAnExceptionWithItsReason() throws Exception {
        // given a Calcite that cannot plan the statement
        ProtobufMeta calcite = (ProtobufMeta) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProtobufMeta.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createStatement" -> new StatementHandle("c1", 7, null);
                    case "prepareAndExecute" -> throw new AssertionError(CANNOT_PLAN);
                    default -> null;
                });
        ProtobufMeta guarded = GuardedMeta.wrap(calcite, new ReadOnlyStatementGuard());
        CurrentUser.set(new UserAccount("anna", PasswordHasher.NO_PASSWORD, Set.of(UserAccount.ANALYST), Set.of()));
        guarded.openConnection(new ConnectionHandle("c1"), Map.of());
        StatementHandle statement = guarded.createStatement(new ConnectionHandle("c1"));

        // when / then
        assertThatThrownBy(() -> guarded.prepareAndExecute(statement, "select 1", -1, 100, null))
                .isInstanceOfSatisfying(AvaticaRuntimeException.class, e -> {
                    assertThat(e.getErrorMessage()).isEqualTo("Calcite cannot run this query: " + CANNOT_PLAN);
                    assertThat(e.getSqlState()).isEqualTo("0A000");
                });
    }

    @Test
    void anInternalErrorReachesTheClientAsAReferenceWithoutJavaText() throws Exception {
        // given a server that fails with a bug of its own
        ProtobufMeta broken = (ProtobufMeta) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ProtobufMeta.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createStatement" -> new StatementHandle("c1", 7, null);
                    case "prepareAndExecute" -> throw new NullPointerException("field secretPlanCache is null");
                    default -> null;
                });
        ProtobufMeta guarded = GuardedMeta.wrap(broken, new ReadOnlyStatementGuard());
        CurrentUser.set(new UserAccount("anna", PasswordHasher.NO_PASSWORD, Set.of(UserAccount.ANALYST), Set.of()));
        guarded.openConnection(new ConnectionHandle("c1"), Map.of());
        StatementHandle statement = guarded.createStatement(new ConnectionHandle("c1"));

        // when / then: a short message with a reference the server log carries beside the stack trace
        assertThatThrownBy(() -> guarded.prepareAndExecute(statement, "select 1", -1, 100, null))
                .isInstanceOfSatisfying(AvaticaRuntimeException.class, e -> {
                    assertThat(e.getErrorMessage())
                            .matches("internal error of the server \\(reference [0-9a-f]{8}; "
                                    + "the server log has the details\\)");
                    assertThat(e.getSqlState()).isEqualTo("XX000");
                });
    }
}
