package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;

class TrainingRunTest {

    @Test
    void aReadyTrainingRunClosesTheContextBeforeTheJvmExits() {
        GenericApplicationContext context = new GenericApplicationContext();
        AtomicBoolean closed = new AtomicBoolean();
        context.registerBean("database", AutoCloseable.class, () -> () -> closed.set(true));
        context.refresh();
        AtomicInteger exitCode = new AtomicInteger(-1);
        AtomicBoolean closedBeforeExit = new AtomicBoolean();

        new TrainingRun(code -> {
            closedBeforeExit.set(closed.get() && !context.isActive());
            exitCode.set(code);
        }).onApplicationEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));

        assertThat(closedBeforeExit).isTrue();
        assertThat(exitCode).hasValue(0);
    }
}
