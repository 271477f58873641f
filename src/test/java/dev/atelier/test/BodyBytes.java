package dev.atelier.test;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Reads what a body publisher will send (they can be read more than once), so the judge sees it too. */
final class BodyBytes {

    private static final int MAX = 64 * 1024 * 1024;

    private BodyBytes() {
    }

    static byte[] of(HttpRequest.BodyPublisher publisher) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<>() {
            private final ByteArrayOutputStream out = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                if (out.size() < MAX) {
                    byte[] bytes = new byte[item.remaining()];
                    item.get(bytes);
                    out.writeBytes(bytes);
                }
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return null;
        }
    }
}
