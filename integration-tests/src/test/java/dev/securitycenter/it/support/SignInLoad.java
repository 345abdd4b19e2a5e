package dev.securitycenter.it.support;

import dev.securitycenter.it.support.KeycloakApi.Response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded load: one client per user, each signing in with a password grant and refreshing the token it got,
 * again and again until stopped or until its request budget is spent. Counts what completed and what failed.
 */
public final class SignInLoad {

    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger signIns = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService clients;

    private SignInLoad(int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
    }

    public static SignInLoad start(KeycloakApi api, String realm, List<String> users, String password,
                                   int requestsPerClient) {
        SignInLoad load = new SignInLoad(users.size());
        for (String user : users) {
            load.clients.submit(() -> load.run(api, realm, user, password, requestsPerClient));
        }
        return load;
    }

    private void run(KeycloakApi api, String realm, String user, String password, int budget) {
        int sent = 0;
        while (!stopped.get() && sent < budget) {
            sent += 2;
            Response signIn = call(() -> api.passwordGrant(realm, user, password));
            if (signIn == null || signIn.status() != 200) {
                failed("sign-in", signIn);
                continue;
            }
            signIns.incrementAndGet();
            Response refresh = call(() -> api.refresh(realm, signIn.json().get("refresh_token").asText()));
            if (refresh == null || refresh.status() != 200) {
                failed("refresh", refresh);
            } else {
                refreshes.incrementAndGet();
            }
        }
    }

    /** A request that never got an answer (connection reset by a stopping node) is a failed one. */
    private Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (RuntimeException e) {
            sample(e.toString());
            return null;
        }
    }

    private void failed(String what, Response response) {
        failures.incrementAndGet();
        if (response != null) {
            sample(what + ": " + response.status() + " " + response.body());
        }
    }

    private void sample(String failure) {
        if (failureSamples.size() < 20) {
            failureSamples.add(failure);
        }
    }

    /** Stops the clients after their current request. */
    public void stop() throws InterruptedException {
        stopped.set(true);
        clients.shutdown();
        if (!clients.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the load clients did not stop");
        }
    }

    public int signIns() {
        return signIns.get();
    }

    public int refreshes() {
        return refreshes.get();
    }

    public int failures() {
        return failures.get();
    }

    /** Every request sent: each one either completed or failed. */
    public int requests() {
        return signIns.get() + refreshes.get() + failures.get();
    }

    public List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    @Override
    public String toString() {
        return "sign-ins " + signIns() + ", refreshes " + refreshes() + ", failed " + failures() + " of "
                + requests() + " requests " + failureSamples();
    }
}
