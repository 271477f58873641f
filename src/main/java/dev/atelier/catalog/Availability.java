package dev.atelier.catalog;

/** Whether a model can be used here, and if not, why. */
public record Availability(boolean available, String reason) {

    public static final Availability YES = new Availability(true, null);

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
