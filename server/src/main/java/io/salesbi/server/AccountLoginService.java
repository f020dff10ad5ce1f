package io.salesbi.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.ServletRequest;
import org.eclipse.jetty.security.AbstractLoginService;
import org.eclipse.jetty.server.UserIdentity;
import org.eclipse.jetty.util.security.Credential;

/**
 * Jetty login service over the configured {@link UserAccount}s, checking passwords against their
 * {@link PasswordHasher} hashes, throttled by {@link LoginThrottle} and recorded in the {@link AuditLog}.
 *
 * <p>HTTP BASIC sends the password with every request and one JDBC query is several Avatica requests, while a PBKDF2
 * check costs hundreds of milliseconds on purpose. So after a successful check the service keeps an HMAC of the
 * accepted password under a random key that lives only in this process; later requests with the same password cost
 * one HMAC. A login, in the audit trail, is a password checked by PBKDF2 (or refused before): the first request of a
 * client, not each of its requests.
 *
 * <p>An attempt is first asked of the throttle, before any hashing: a throttled or locked user name or address is
 * refused at once (HTTP 401 like any failed login), so a flood of wrong passwords cannot keep the request threads
 * hashing while legitimate users wait. A wrong password always pays the full PBKDF2 price, and so does an unknown
 * user name: its password is checked against a dummy hash with the accounts' usual iteration count, so the answer
 * takes as long as for an existing account and tells nobody which names exist.
 */
final class AccountLoginService extends AbstractLoginService {

    static final String REALM = "salesbi";

    private final Map<String, UserAccount> users;
    private final Map<String, byte[]> acceptedPasswordMacs = new ConcurrentHashMap<>();
    private final SecretKeySpec macKey;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final String dummyHash;
    /** Whether the current login ran a PBKDF2 check (a cached password does not). */
    private final ThreadLocal<boolean[]> hashed = ThreadLocal.withInitial(() -> new boolean[1]);

    AccountLoginService(Map<String, UserAccount> users, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.macKey = new SecretKeySpec(key, "HmacSHA256");
        this.dummyHash =
                PasswordHasher.hash(UUID.randomUUID().toString().toCharArray(), usualIterations(users.values()));
        setName(REALM);
    }

    /** The iteration count most accounts' hashes use ({@link PasswordHasher#DEFAULT_ITERATIONS} without accounts). */
    static int usualIterations(Collection<UserAccount> accounts) {
        return accounts.stream()
                .collect(Collectors.groupingBy(
                        account -> PasswordHasher.iterationsOf(account.passwordHash()), Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(PasswordHasher.DEFAULT_ITERATIONS);
    }

    @Override
    public UserIdentity login(String username, Object credentials, ServletRequest request) {
        String name = username == null ? "" : username;
        String address = request == null || request.getRemoteAddr() == null ? "-" : request.getRemoteAddr();
        LoginThrottle.Verdict verdict = throttle.attempt(name, address);
        if (verdict != LoginThrottle.Verdict.ALLOWED) {
            audit.login(
                    name,
                    address,
                    verdict.outcome(),
                    verdict.name().toLowerCase(java.util.Locale.ROOT) + ", retry after "
                            + Math.max(1, throttle.retryAfter(name, address).toSeconds()) + " s");
            return null;
        }
        boolean[] checked = hashed.get();
        checked[0] = false;
        UserIdentity identity = super.login(username, credentials, request);
        if (identity == null && !checked[0]) {
            // An unknown user name (or credentials that are no password) costs what a wrong password costs.
            PasswordHasher.verify(
                    credentials instanceof String password ? password.toCharArray() : new char[0], dummyHash);
        }
        if (identity == null) {
            throttle.failed(name, address);
            audit.login(name, address, "failed", null);
        } else {
            throttle.succeeded(name, address, checked[0]);
            if (checked[0]) {
                audit.login(name, address, "ok", null);
            }
        }
        return identity;
    }

    @Override
    protected UserPrincipal loadUserInfo(String username) {
        UserAccount account = users.get(username);
        return account == null ? null : new UserPrincipal(username, new AccountCredential(account));
    }

    @Override
    protected String[] loadRoleInfo(UserPrincipal user) {
        UserAccount account = users.get(user.getName());
        return account == null ? new String[0] : account.roles().toArray(String[]::new);
    }

    private boolean check(UserAccount account, Object credentials) {
        if (!(credentials instanceof String password)) {
            return false;
        }
        byte[] mac = mac(account.name(), password);
        byte[] accepted = acceptedPasswordMacs.get(account.name());
        if (accepted != null && MessageDigest.isEqual(accepted, mac)) {
            return true;
        }
        hashed.get()[0] = true;
        boolean valid = PasswordHasher.verify(password.toCharArray(), account.passwordHash());
        if (valid) {
            acceptedPasswordMacs.put(account.name(), mac);
        }
        return valid;
    }

    private byte[] mac(String user, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(macKey);
            hmac.update(user.getBytes(StandardCharsets.UTF_8));
            hmac.update((byte) 0);
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** The credential Jetty asks to check a presented password. */
    private final class AccountCredential extends Credential {

        private static final long serialVersionUID = 1L;
        private final transient UserAccount account;

        AccountCredential(UserAccount account) {
            this.account = account;
        }

        @Override
        public boolean check(Object credentials) {
            return AccountLoginService.this.check(account, credentials);
        }
    }
}
