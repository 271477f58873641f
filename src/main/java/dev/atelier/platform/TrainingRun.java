package dev.atelier.platform;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * {@code atelier.training-run=true}: Atelier stops as soon as it is ready, closing everything as a
 * normal stop does, and the JVM exits. It is the training run that records the JDK's AOT cache
 * (deploy/Dockerfile, docs/deploy.md "Faster starts"). Spring's own {@code -Dspring.context.exit=onRefresh}
 * halts the JVM ({@code Runtime.halt}) before the context's lifecycle starts and without closing it:
 * the embedded PostgreSQL, which runs in its own session, was left running, and the cache lacked
 * everything the web server and the schedulers load when they start.
 */
@Component
@ConditionalOnProperty(name = "atelier.training-run", havingValue = "true")
public class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final IntConsumer exit;

    @Autowired
    public TrainingRun() {
        this(System::exit);
    }

    TrainingRun(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info("Training run: ready, stopping");
        exit.accept(SpringApplication.exit(event.getApplicationContext()));
    }
}
