package dev.atelier.credits;

import dev.atelier.accounts.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the credits module.
 *
 * @param welcomeCredits credits every new account starts with (0 for none)
 * @param maxActiveJobs jobs a user may have active at once
 * @param maxActiveJobsAdmin the same for admins
 * @param rates request rates per class of operation and role
 */
@ConfigurationProperties("atelier.credits")
public record CreditsProperties(
        @DefaultValue("100") long welcomeCredits,
        @DefaultValue("4") int maxActiveJobs,
        @DefaultValue("16") int maxActiveJobsAdmin,
        @DefaultValue Rates rates) {

    public CreditsProperties {
        if (welcomeCredits < 0 || welcomeCredits > Credits.MAX_AMOUNT || maxActiveJobs < 1 || maxActiveJobsAdmin < 1) {
            throw new IllegalArgumentException("atelier.credits: welcome credits must be 0.." + Credits.MAX_AMOUNT
                    + " and active-job caps at least 1");
        }
    }

    public int maxActiveJobs(Role role) {
        return role == Role.ADMIN ? maxActiveJobsAdmin : maxActiveJobs;
    }

    /** Rates as {@code requests/period} (e.g. {@code 30/1m}); admins have their own. */
    public record Rates(
            @DefaultValue("30/1m") Rate generation,
            @DefaultValue("300/1m") Rate generationAdmin,
            @DefaultValue("60/1m") Rate upload,
            @DefaultValue("600/1m") Rate uploadAdmin,
            @DefaultValue("10/1m") Rate render,
            @DefaultValue("100/1m") Rate renderAdmin) {

        public Rate of(OperationClass operation, Role role) {
            boolean admin = role == Role.ADMIN;
            return switch (operation) {
                case GENERATION -> admin ? generationAdmin : generation;
                case UPLOAD -> admin ? uploadAdmin : upload;
                case RENDER -> admin ? renderAdmin : render;
            };
        }
    }
}
