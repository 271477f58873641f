package dev.atelier.test;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Applied to every Spring context in the tests (registered in META-INF/spring.factories): a fresh
 * database in the shared PostgreSQL, a fresh data directory, and a {@link MutableClock}.
 * A test that brings its own database ({@code atelier.database.url}) or data directory keeps it.
 */
public class TestContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.getProperty("atelier.test.isolated", Boolean.class, true)) {
            TestPropertyValues.of(
                    "atelier.database.url=" + TestDatabase.newDatabase(),
                    "atelier.database.username=postgres",
                    "atelier.database.password=",
                    "atelier.database.max-pool-size=10", // two are held by LISTEN (event streams, work wake-ups)
                    // many cached contexts stop at the end of the run: none should wait long for its scheduler
                    "atelier.scheduler.shutdown-wait=1s",
                    "server.shutdown=immediate",
                    "atelier.data-dir=" + TempDirectories.create("atelier-test-")).applyTo(context);
        }
        if (environment.getProperty("atelier.accounts.signups-per-address") == null) {
            // every test signs its users up from 127.0.0.1; the sign-up limit has tests of its own
            TestPropertyValues.of("atelier.accounts.signups-per-address=1000000").applyTo(context);
        }
        if (environment.getProperty("atelier.accounts.admin-password", "").isBlank()) {
            TestPropertyValues.of(
                    "atelier.accounts.admin-email=" + TestUsers.ADMIN_EMAIL,
                    "atelier.accounts.admin-password=" + TestUsers.ADMIN_PASSWORD).applyTo(context);
        }
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                RootBeanDefinition clock = new RootBeanDefinition(MutableClock.class, MutableClock::new);
                clock.setPrimary(true);
                registry.registerBeanDefinition("testClock", clock);
            }
        });
    }
}
