package dev.atelier.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.atelier.generation.GenerationProvider;
import dev.atelier.generation.PollResult;
import dev.atelier.generation.ProviderCallbacks;
import dev.atelier.generation.ProviderFailure;
import dev.atelier.generation.ProviderOutput;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.generation.Submission;
import dev.atelier.media.TestMedia;
import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A provider that fails half its calls (throwing, or answering retryable and permanent
 * failures), stalls some until the job times out, and answers some twice (its completion is
 * also delivered as a webhook would be, racing the poll). 1,000 jobs: every one ends, every hold
 * is settled exactly once, and the ledger adds up.
 */
@AtelierTest
@Import(ChaosTest.ChaoticProvider.class)
@TestPropertySource(properties = {
        "atelier.credits.welcome-credits=2000",
        "atelier.credits.max-active-jobs=100000",
        "atelier.credits.rates.generation=1000000/1m",
        "atelier.scheduler.threads=8",
        "atelier.database.max-pool-size=24",
        "atelier.scheduler.polling-interval=100ms",
        "atelier.generation.first-poll=20ms",
        "atelier.generation.max-poll=100ms",
        "atelier.generation.retry-base=20ms",
        "atelier.generation.retry-max=100ms",
        "atelier.generation.max-attempts=4",
        "atelier.generation.sweep-interval=300ms",
        "atelier.generation.late-success-window=2s",
        "atelier.generation.timeouts.[test/chaos]=3s"})
class ChaosTest {

    static final int JOBS = 1000;

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChaoticProvider provider;

    @Test
    void aThousandJobsAgainstAChaoticProviderAllEndAndSettleExactlyOnce() throws Exception {
        TestUsers.TestUser user = users.signUp();
        List<String> ids = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                int n = i;
                submitted.add(clients.submit(() -> {
                    Api.Response response = api.post("/api/v1/generations").bearer(user.accessToken())
                            .json(Map.of("model", "test/chaos", "prompt", "chaos " + n)).send();
                    assertThat(response.status()).as(response.toString()).isEqualTo(202);
                    return response.json().get("id").asString();
                }));
            }
            for (Future<String> id : submitted) {
                ids.add(id.get());
            }
        }

        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> jdbc.sql(
                "select count(*) from generations where owner_id = :owner and status in ('queued', 'running')")
                .param("owner", user.id()).query(Long.class).single() == 0);

        assertThat(ids).hasSize(JOBS).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from generations where owner_id = :owner").param("owner", user.id())
                .query(Long.class).single()).isEqualTo(JOBS);
        assertThat(jdbc.sql("""
                select count(*) from credit_holds h where h.user_id = :owner and (h.state = 'open'
                    or (select count(*) from credit_ledger l where l.hold_id = h.id and l.kind in ('capture', 'release')) <> 1)""")
                .param("owner", user.id()).query(Long.class).single()).as("holds not settled exactly once").isZero();
        assertThat(jdbc.sql("select count(*) from credit_holds where user_id = :owner").param("owner", user.id())
                .query(Long.class).single()).isEqualTo(JOBS);
        Map<String, Object> account = jdbc.sql("select balance, held from credit_accounts where user_id = :owner")
                .param("owner", user.id()).query().singleRow();
        long ledger = jdbc.sql("select coalesce(sum(amount), 0) from credit_ledger where user_id = :owner")
                .param("owner", user.id()).query(Long.class).single();
        long charged = jdbc.sql("select coalesce(sum(cost_charged), 0) from generations where owner_id = :owner")
                .param("owner", user.id()).query(Long.class).single();
        assertThat(account.get("held")).isEqualTo(0L);
        assertThat(account.get("balance")).isEqualTo(ledger).isEqualTo(2000L - charged);
        assertThat(jdbc.sql("""
                select count(*) from generations where owner_id = :owner and status = 'succeeded' and not late
                    and cost_charged <> 1""").param("owner", user.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from generations g where owner_id = :owner and status = 'succeeded'
                    and (select count(*) from generation_outputs o where o.generation_id = g.id) <> 1""")
                .param("owner", user.id()).query(Long.class).single()).as("outputs stored once").isZero();
        Map<String, Object> outcomes = jdbc.sql("""
                select count(*) filter (where status = 'succeeded') as succeeded, count(*) filter (where status = 'failed') as failed,
                    count(*) filter (where status = 'timed_out') as timed_out from generations where owner_id = :owner""")
                .param("owner", user.id()).query().singleRow();
        System.out.println("chaos outcomes: " + outcomes + ", twice answered: " + provider.twice.get()
                + ", stalls: " + provider.stalls.get());
        assertThat((Long) outcomes.get("succeeded")).isPositive();
        assertThat((Long) outcomes.get("failed")).isPositive();
        assertThat(provider.twice.get()).isPositive();
    }

    /** Fails half its calls, stalls a few, answers some completions twice (poll and webhook). */
    @TestComponent
    static class ChaoticProvider implements GenerationProvider {

        final AtomicInteger twice = new AtomicInteger();
        final AtomicInteger stalls = new AtomicInteger();
        private final ObjectProvider<ProviderCallbacks> callbacks;
        private final byte[] png;

        ChaoticProvider(JdbcClient jdbc, ObjectProvider<ProviderCallbacks> callbacks) throws IOException {
            this.callbacks = callbacks;
            this.png = Files.readAllBytes(TestMedia.png(8, 8));
            jdbc.sql("""
                    insert into catalog_models (id, kind, provider, name, description, enabled, prompt_max_length,
                        parameters, price_unit, price_credits, price_minimum, updated_at)
                    values ('test/chaos', 'image', 'chaos', 'Chaos', 'A provider that misbehaves', true, 100, '[]',
                        'per_output', 1, 1, now())
                    on conflict (id) do nothing""").update();
        }

        @Override
        public String id() {
            return "chaos";
        }

        @Override
        public Submission submit(ProviderRequest request) {
            int roll = ThreadLocalRandom.current().nextInt(100);
            if (roll < 2) {
                stall();
            }
            if (roll < 20) {
                throw new IllegalStateException("chaos: the provider threw");
            }
            if (roll < 40) {
                return new Submission.Failed(ProviderFailure.transientFailure("provider_unavailable", "chaos: 503", null));
            }
            if (roll < 50) {
                return new Submission.Failed(ProviderFailure.permanent("invalid_parameters", "chaos: 400"));
            }
            if (roll < 60) {
                return new Submission.Completed(List.of(output()));
            }
            return new Submission.Accepted(request.generationId().toString(), Duration.ofMillis(20));
        }

        @Override
        public PollResult poll(ProviderRequest request, String providerJobId) {
            int roll = ThreadLocalRandom.current().nextInt(100);
            if (roll < 2) {
                stall();
            }
            if (roll < 25) {
                throw new IllegalStateException("chaos: the provider threw");
            }
            if (roll < 45) {
                return new PollResult.Failed(ProviderFailure.transientFailure("rate_limited", "chaos: 429", Duration.ofMillis(30)));
            }
            if (roll < 50) {
                return new PollResult.Failed(ProviderFailure.permanent("content_filtered", "chaos: filtered"));
            }
            if (roll < 65) {
                return new PollResult.Running(roll, Duration.ofMillis(20));
            }
            if (roll < 85) {
                twice.incrementAndGet();
                Thread.ofVirtual().start(() -> callbacks.getObject().deliver("chaos", providerJobId,
                        again -> new PollResult.Completed(List.of(output()))));
            }
            return new PollResult.Completed(List.of(output()));
        }

        @Override
        public void cancel(ProviderRequest request, String providerJobId) {
        }

        private void stall() {
            stalls.incrementAndGet();
            try {
                Thread.sleep(Duration.ofSeconds(6)); // past the 3 s timeout: the engine interrupts it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("stalled call interrupted");
            }
        }

        private ProviderOutput output() {
            try {
                Path file = Files.createTempFile("chaos-", ".png");
                Files.write(file, png);
                return new ProviderOutput.LocalFile(file, "image/png");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
