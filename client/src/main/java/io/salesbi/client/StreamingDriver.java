package io.salesbi.client;

import java.lang.reflect.Proxy;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.Meta.Frame;
import org.apache.calcite.avatica.Meta.StatementHandle;

/**
 * Avatica's remote driver for one salesbi connection, whose results read their rows after the first frame from the
 * server's stream ({@link RowStream}) instead of fetching frame by frame. Avatica's {@link Meta} is kept whole; only
 * {@code createIterable}, which hands a result's rows to the cursor, is answered here.
 */
final class StreamingDriver extends org.apache.calcite.avatica.remote.Driver {

    private final StatementControl control;

    StreamingDriver(StatementControl control) {
        this.control = control;
    }

    @Override
    public Meta createMeta(AvaticaConnection connection) {
        Meta avatica = super.createMeta(connection);
        return (Meta) Proxy.newProxyInstance(
                StreamingDriver.class.getClassLoader(), new Class<?>[] {Meta.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createIterable")
                            && args.length == 5
                            && args[0] instanceof StatementHandle handle
                            && args[4] instanceof Frame first
                            && !first.done) {
                        return (Iterable<Object>) () -> new RowStream(
                                first, offset -> control.openRows(handle.connectionId, handle.id, offset));
                    }
                    return Wrappers.invoke(avatica, method, args);
                });
    }
}
