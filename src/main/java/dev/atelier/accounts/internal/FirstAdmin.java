package dev.atelier.accounts.internal;

import dev.atelier.accounts.AccountsProperties;
import dev.atelier.accounts.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a start with no admin, creates one from {@code ATELIER_ADMIN_EMAIL} and
 * {@code ATELIER_ADMIN_PASSWORD}, or with a random password printed once to the log.
 * An advisory lock keeps two nodes starting together from both doing it.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final long LOCK = 0x4154454C49455231L; // "ATELIER1"

    private final Users users;
    private final Accounts accounts;
    private final AccountsProperties properties;
    private final JdbcClient jdbc;

    FirstAdmin(Users users, Accounts accounts, AccountsProperties properties, JdbcClient jdbc) {
        this.users = users;
        this.accounts = accounts;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query().singleRow();
        if (users.anyAdmin()) {
            return;
        }
        String email = Users.normalize(properties.adminEmail());
        if (users.byEmail(email).isPresent()) {
            log.warn("No admin exists and {} is taken by a user; promote someone with SQL or configure "
                    + "ATELIER_ADMIN_EMAIL", email);
            return;
        }
        boolean generated = properties.adminPassword() == null || properties.adminPassword().isBlank();
        String password = generated ? randomPassword() : properties.adminPassword();
        accounts.create(email, password, "Administrator", Role.ADMIN);
        if (generated) {
            log.warn("Created the first admin {} with password {} (shown once; change it)", email, password);
        } else {
            log.info("Created the first admin {}", email);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
