package dev.atelier.accounts;

/** What a person may do beyond their own things. */
public enum Role {
    USER,
    ADMIN;

    public String value() {
        return name().toLowerCase();
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase());
    }
}
