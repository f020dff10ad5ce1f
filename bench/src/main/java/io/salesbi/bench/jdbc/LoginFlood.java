package io.salesbi.bench.jdbc;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Login latency under a flood of wrong passwords: one login of an account nobody has used yet (a full PBKDF2 check)
 * without a flood, then {@value #FLOODERS} clients sending wrong passwords for one user name as fast as they can
 * while further fresh accounts log in one after another. Each login is one HTTP request with BASIC credentials,
 * the first request of a JDBC connection.
 *
 * @param quietMs        the login without a flood
 * @param duringFloodMs  the logins during the flood, in order
 * @param floodAttempts  wrong passwords sent while they ran
 */
public record LoginFlood(double quietMs, List<Double> duringFloodMs, int floodAttempts) {

    static final int FLOODERS = 8;

    /**
     * Measures on the endpoint at {@code port}: {@code accounts[0]} logs in without a flood, the others during it,
     * all with {@code password}; the flood guesses for {@code target}.
     */
    static LoginFlood measure(int port, List<String> accounts, String password, String target) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/");
        double quiet = timedLogin(http, uri, accounts.get(0), password);
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < FLOODERS; i++) {
                clients.add(flood.submit(() -> {
                    while (flooding.get()) {
                        login(http, uri, target, "guess-" + attempts.incrementAndGet());
                    }
                    return null;
                }));
            }
            while (attempts.get() < 50) {
                Thread.sleep(5);
            }
            List<Double> during = new ArrayList<>();
            for (String account : accounts.subList(1, accounts.size())) {
                during.add(timedLogin(http, uri, account, password));
            }
            flooding.set(false);
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            return new LoginFlood(quiet, List.copyOf(during), attempts.get());
        } finally {
            flooding.set(false);
            flood.shutdownNow();
        }
    }

    private static double timedLogin(HttpClient http, URI uri, String user, String password) throws Exception {
        long started = System.nanoTime();
        int status = login(http, uri, user, password);
        double ms = (System.nanoTime() - started) / 1e6;
        if (status == 401) {
            throw new IllegalStateException("login of " + user + " was refused during the benchmark");
        }
        return ms;
    }

    private static int login(HttpClient http, URI uri, String user, String password) throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + credentials)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The slowest login during the flood. */
    public double maxDuringFloodMs() {
        return duringFloodMs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
