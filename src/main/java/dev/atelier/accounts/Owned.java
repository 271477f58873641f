package dev.atelier.accounts;

import java.util.UUID;

/** Something that belongs to one user. */
public interface Owned {
    UUID ownerId();
}
