package io.salesbi.server;

import java.lang.reflect.Method;

/**
 * Interface methods that this module's dynamic proxies forward, with Java's access check switched off. The
 * methods are public members of exported interfaces, so the check always passes, but {@code Method.invoke} repeats it
 * on every call unless the same caller asked last: proxies of one interface share their {@code Method} objects, so
 * several wrappers of a result set read cell by cell made every {@code getObject} redo the module checks (a tenth of
 * the server's time in a full extract).
 */
final class Accessible {

    private Accessible() {}

    /** {@code method}, its access check switched off if Java allows (it does for public interface methods). */
    @SuppressWarnings("deprecation") // isAccessible reads the flag that trySetAccessible sets, with no check
    static Method of(Method method) {
        if (!method.isAccessible()) {
            method.trySetAccessible();
        }
        return method;
    }
}
