package dev.atelier.catalog;

/** The types a model parameter may have. */
public enum ParameterType {
    /** a whole number within min..max */
    INT,
    /** any number within min..max */
    NUMBER,
    /** text of at most max characters */
    STRING,
    /** one of the allowed values */
    ENUM,
    BOOLEAN;

    public String value() {
        return name().toLowerCase();
    }

    public static ParameterType of(String value) {
        return valueOf(value.toUpperCase());
    }
}
