package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.MutableClock;
import dev.atelier.test.TestUsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Password guessing, as an attacker would try it. Every test has its own account and its own client
 * address (sent through the trusted local proxy), so the tests share no bucket and run in any order.
 */
@AtelierTest
@TestPropertySource(properties = {
        "atelier.accounts.login-failures-per-account-and-address=3",
        "atelier.accounts.login-failures-per-account=8",
        "atelier.accounts.login-failures-per-address=6",
        "atelier.trusted-proxies=127.0.0.1,::1"})
class LoginThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    MutableClock clock;

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private Api.Response login(String email, String password, String address) {
        return api.post("/api/v1/auth/login").header("X-Forwarded-For", address)
                .json(Map.of("email", email, "password", password)).send();
    }

    @Test
    void repeatedFailuresForOneAccountFromOneAddressAreThrottledEvenWithTheRightPassword() {
        TestUsers.TestUser user = users.signUp();
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(login(user.email(), "wrong password " + i, address).status()).isEqualTo(401);
        }

        Api.Response throttled = login(user.email(), TestUsers.PASSWORD, address);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("code").asString()).isEqualTo("too_many_attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
    }

    @Test
    void parallelGuessesGetNoMoreTriesThanTheLimitAndACorrectPasswordAmongThemFailsOnceLimited() throws Exception {
        TestUsers.TestUser user = users.signUp();
        String address = newAddress();
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            passwords.add(i == 10 ? TestUsers.PASSWORD : "wrong password " + i);
        }

        List<Integer> statuses = inParallel(passwords, password -> login(user.email(), password, address).status());

        long tried = statuses.stream().filter(status -> status == 401 || status == 200).count();
        assertThat(tried).as(statuses.toString()).isLessThanOrEqualTo(3);
        assertThat(statuses).allMatch(status -> status == 200 || status == 401 || status == 429);
        assertThat(login(user.email(), TestUsers.PASSWORD, address).status()).isEqualTo(429);
    }

    @Test
    void guessesFromOneAddressDoNotLockTheOwnerOutOnAnother() {
        TestUsers.TestUser user = users.signUp();
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            login(user.email(), "wrong password " + i, attacker);
        }
        assertThat(login(user.email(), TestUsers.PASSWORD, attacker).status()).isEqualTo(429);

        assertThat(login(user.email(), TestUsers.PASSWORD, newAddress()).status()).isEqualTo(200);
    }

    @Test
    void waitsGrowRatherThanLockingTheAccount() {
        TestUsers.TestUser user = users.signUp();
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            login(user.email(), "wrong password " + i, address);
        }
        Api.Response first = login(user.email(), "wrong again", address);
        assertThat(first.status()).isEqualTo(429);
        long firstWait = Long.parseLong(first.header("Retry-After"));
        assertThat(firstWait).isBetween(1L, 20L); // a token a minute / 3 comes back

        // keep guessing as fast as tokens come back: the window's allowance (4 × 3) runs out, waits grow
        long wait = firstWait;
        for (int i = 0; i < 12 && wait <= 20; i++) {
            clock.advance(Duration.ofSeconds(wait));
            login(user.email(), "wrong again " + i, address);
            Api.Response next = login(user.email(), "wrong again " + i, address);
            assertThat(next.status()).isEqualTo(429);
            wait = Long.parseLong(next.header("Retry-After"));
        }
        assertThat(wait).isGreaterThan(firstWait);

        clock.advance(Duration.ofMinutes(15)); // never a lock: once the allowances are back the owner gets in
        assertThat(login(user.email(), TestUsers.PASSWORD, address).status()).isEqualTo(200);
    }

    @Test
    void failuresAcrossAccountsFromOneAddressAreThrottled() {
        String address = newAddress();
        for (int i = 0; i < 6; i++) {
            login(TestUsers.uniqueEmail(), "wrong password!", address);
        }

        assertThat(login(TestUsers.uniqueEmail(), "wrong password!", address).status()).isEqualTo(429);
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
        // the untrusted client claims a fresh address on every try: it is still counted as itself
        var addresses = new dev.atelier.accounts.internal.ClientAddressesProbe(List.of("10.0.0.0/8"));
        assertThat(addresses.of("203.0.113.9", List.of(), List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(addresses.of("10.1.2.3", List.of(), List.of("198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
        assertThat(addresses.of("10.1.2.3", List.of("for=198.51.100.7;proto=https, for=\"[2001:db8::1]:4711\""),
                List.of())).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(addresses.of("10.1.2.3", List.of(), List.of("evil.example"))).isEqualTo("10.1.2.3");
    }

    private static <T, R> List<R> inParallel(List<T> inputs, java.util.function.Function<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(inputs.size());
        try {
            List<CompletableFuture<R>> futures = inputs.stream()
                    .map(input -> CompletableFuture.supplyAsync(() -> call.apply(input), pool)).toList();
            List<R> results = new ArrayList<>();
            for (CompletableFuture<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
