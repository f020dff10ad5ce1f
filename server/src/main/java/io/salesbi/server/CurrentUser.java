package io.salesbi.server;

/**
 * The authenticated account of the HTTP request being served on this thread. Jetty serves a request on one thread,
 * from {@link AuthenticatedUserHandler} down to the Avatica {@code Meta}, so a thread-local carries the account to
 * where connections are opened and statements are checked.
 */
final class CurrentUser {

    private static final ThreadLocal<UserAccount> USER = new ThreadLocal<>();
    private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

    private CurrentUser() {}

    static void set(UserAccount user) {
        set(user, null);
    }

    /** The request's account and the client's address (for the audit trail). */
    static void set(UserAccount user, String address) {
        USER.set(user);
        ADDRESS.set(address);
    }

    static void clear() {
        USER.remove();
        ADDRESS.remove();
    }

    /** The address of the request's client; "-" when unknown. */
    static String address() {
        String address = ADDRESS.get();
        return address == null ? "-" : address;
    }

    /** The request's account; fails when called outside an authenticated request (a wiring error). */
    static UserAccount require() {
        UserAccount user = USER.get();
        if (user == null) {
            throw new IllegalStateException(
                    "no authenticated user on thread " + Thread.currentThread().getName());
        }
        return user;
    }
}
