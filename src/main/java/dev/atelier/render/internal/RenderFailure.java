package dev.atelier.render.internal;

/** A render that cannot go on, with a stable code and a reason a person can read. */
class RenderFailure extends Exception {

    private final String code;

    RenderFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    RenderFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    String code() {
        return code;
    }
}
