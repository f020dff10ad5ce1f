package io.salesbi.server;

/**
 * The authenticated account of the HTTP request being served on this thread. Jetty serves a request on one thread,
 * from {@link AuthenticatedUserHandler} down to the Avatica {@code Meta}, so a thread-local carries the account to
 * where connections are opened and statements are checked.
 */
final class CurrentUser {

    private static final ThreadLocal<UserAccount> USER = new ThreadLocal<>();

    private CurrentUser() {
    }

    static void set(UserAccount user) {
        USER.set(user);
    }

    static void clear() {
        USER.remove();
    }

    /** The request's account; fails when called outside an authenticated request (a wiring error). */
    static UserAccount require() {
        UserAccount user = USER.get();
        if (user == null) {
            throw new IllegalStateException("no authenticated user on thread " + Thread.currentThread().getName());
        }
        return user;
    }
}
