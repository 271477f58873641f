package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.accounts.Role;
import dev.atelier.test.AtelierTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@AtelierTest
class ActiveJobsTest {

    @Autowired
    ActiveJobs activeJobs;
    @Autowired
    Credits credits;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    UUID user;

    @BeforeEach
    void setUp() {
        user = new TestAccounts(jdbc, credits).user();
    }

    @AfterEach
    void slotsMatchTheirJobs() {
        assertThat(credits.audit().violations()).isEmpty();
    }

    @Test
    void aUserMayHaveFourJobsActiveAndTheFifthIsRefused() {
        for (int i = 1; i <= 4; i++) {
            assertThat(activeJobs.acquire(user, Role.USER, job())).isEqualTo(new JobSlot.Taken(i, 4, false));
        }

        JobSlot fifth = activeJobs.acquire(user, Role.USER, job());

        assertThat(fifth).isEqualTo(new JobSlot.Full(4, 4));
        assertThat(((JobSlot.Full) fifth).problem().code()).isEqualTo("too_many_active_jobs");
        assertThat(activeJobs.active(user)).isEqualTo(4);
    }

    @Test
    void adminsHaveALargerCap() {
        for (int i = 0; i < 4; i++) {
            activeJobs.acquire(user, Role.ADMIN, job());
        }
        assertThat(activeJobs.acquire(user, Role.ADMIN, job())).isEqualTo(new JobSlot.Taken(5, 16, false));
    }

    @Test
    void endingAJobFreesItsSlotOnce() {
        String job = job();
        activeJobs.acquire(user, Role.USER, job);
        activeJobs.acquire(user, Role.USER, job());

        assertThat(activeJobs.release(job)).isTrue();
        assertThat(activeJobs.release(job)).isFalse();
        assertThat(activeJobs.active(user)).isEqualTo(1);
    }

    @Test
    void takingTheSameJobsSlotTwiceTakesOne() {
        String job = job();
        activeJobs.acquire(user, Role.USER, job);

        assertThat(activeJobs.acquire(user, Role.USER, job)).isEqualTo(new JobSlot.Taken(1, 4, true));
        assertThat(activeJobs.active(user)).isEqualTo(1);
    }

    @Test
    void racingRequestsCannotBothTakeTheLastSlot() throws Exception {
        for (int i = 0; i < 3; i++) {
            activeJobs.acquire(user, Role.USER, job());
        }
        List<Callable<JobSlot>> racers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            racers.add(() -> activeJobs.acquire(user, Role.USER, job()));
        }

        List<JobSlot> results = Concurrently.run(16, racers);

        assertThat(results).filteredOn(JobSlot.Taken.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(JobSlot.Full.class::isInstance).hasSize(15);
        assertThat(activeJobs.active(user)).isEqualTo(4);
    }

    @Test
    void aSlotTakenInsideTheCallersTransactionRollsBackWithIt() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            activeJobs.acquire(user, Role.USER, job());
            throw new IllegalStateException("the job insert failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(activeJobs.active(user)).isZero();
    }

    private static String job() {
        return "job:" + UUID.randomUUID();
    }
}
