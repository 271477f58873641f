package dev.atelier.accounts;

import java.util.UUID;

/** An admin disabled an account: what it holds open (event streams) should end now. Published on the node that did it. */
public record AccountDisabled(UUID userId) {
}
