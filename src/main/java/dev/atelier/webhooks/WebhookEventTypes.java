package dev.atelier.webhooks;

import java.util.List;

/** The event types an endpoint can subscribe to, as they appear in {@code type}. */
public final class WebhookEventTypes {

    public static final String GENERATION_SUCCEEDED = "generation.succeeded";
    public static final String GENERATION_FAILED = "generation.failed";
    public static final String GENERATION_CANCELED = "generation.canceled";
    public static final String GENERATION_TIMED_OUT = "generation.timed_out";
    public static final String EXPORT_SUCCEEDED = "export.succeeded";
    public static final String EXPORT_FAILED = "export.failed";
    public static final String CREDITS_LOW = "credits.low";
    public static final String ENDPOINT_DISABLED = "webhook_endpoint.disabled";
    /** Sent by "send a test event" to that one endpoint, whatever it subscribed to. */
    public static final String TEST = "webhook.test";

    public static final List<String> SUBSCRIBABLE = List.of(GENERATION_SUCCEEDED, GENERATION_FAILED,
            GENERATION_CANCELED, GENERATION_TIMED_OUT, EXPORT_SUCCEEDED, EXPORT_FAILED, CREDITS_LOW, ENDPOINT_DISABLED);

    private WebhookEventTypes() {
    }

    /** {@code generation.<status>} for a terminal status ({@code succeeded}, {@code failed}, ...). */
    public static String generation(String status) {
        return "generation." + status;
    }

    /** {@code export.<status>} for {@code succeeded} or {@code failed}. */
    public static String export(String status) {
        return "export." + status;
    }
}
