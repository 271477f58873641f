package dev.atelier.providers.http;

import dev.atelier.catalog.Model;
import dev.atelier.catalog.ModelKind;
import dev.atelier.catalog.PriceRule;
import dev.atelier.catalog.PriceUnit;
import dev.atelier.generation.ProviderRequest;
import dev.atelier.providers.ProvidersProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.mockwebserver.MockWebServer;

/**
 * A provider's fake server (MockWebServer answering the documented shapes) and the HTTP an
 * adapter under test uses against it: short timeouts, quick retries, a small breaker window.
 */
public final class FakeProvider implements AutoCloseable {

    public static final String KEY = "sk-test-secret-key-123456";

    public final MockWebServer server = new MockWebServer();
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final Path scratch;
    private final Map<String, Model> models = new HashMap<>();

    public FakeProvider() {
        try {
            server.start();
            scratch = Files.createTempDirectory("fake-provider");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI base(String path) {
        return server.url(path).uri();
    }

    public static ProvidersProperties properties(Duration retryBase) {
        return new ProvidersProperties(new ProvidersProperties.Local(false, 1), remote(), remote(), remote(), remote(),
                remote(), remote(), null, org.springframework.util.unit.DataSize.ofMegabytes(5),
                new ProvidersProperties.Resilience(3, retryBase, Duration.ofSeconds(2), 50, 10, 6, Duration.ofSeconds(30)));
    }

    private static ProvidersProperties.Remote remote() {
        return new ProvidersProperties.Remote(KEY, null, null, null, Duration.ofMillis(500), 4, null);
    }

    public ProviderHttp http(String provider, String basePath, Map<String, String> auth) {
        ProvidersProperties properties = properties(Duration.ofMillis(20));
        Resilience resilience = new Resilience(properties, meters);
        return new ProviderHttp(provider, base(basePath), auth, KEY, Duration.ofMillis(500),
                resilience.guard(provider, 4), meters, properties.maxOutputSize().toBytes(), scratch,
                java.time.Clock.systemUTC());
    }

    public FakeProvider model(String id, ModelKind kind, String providerModel, Map<String, Object> options) {
        models.put(id, new Model(id, kind, id.substring(0, id.indexOf('/')), id, "", true, 1000, List.of(),
                new PriceRule(PriceUnit.PER_OUTPUT, 1, 1), providerModel, options, Map.of("image", 1), null));
        return this;
    }

    public RemoteProvider.Models models() {
        return id -> Optional.ofNullable(models.get(id));
    }

    public static ProviderRequest request(String model, String kind, String prompt, Map<String, Object> params) {
        return new ProviderRequest(UUID.randomUUID(), UUID.randomUUID(), model, kind, prompt, params, List.of());
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
