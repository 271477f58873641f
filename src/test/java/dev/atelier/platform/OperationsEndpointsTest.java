package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AtelierTest
class OperationsEndpointsTest {

    @Autowired
    Api api;

    @Test
    void healthHasLivenessAndReadiness() {
        assertThat(api.get("/actuator/health").send().json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").send().json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").send().json().get("status").asString()).isEqualTo("UP");
    }

    @Autowired
    dev.atelier.test.TestUsers users;

    @Test
    void prometheusMetricsAreServedToAdmins() {
        Api.Response metrics = api.get("/actuator/prometheus").bearer(users.admin().accessToken()).send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void theApiIsDescribedWithItsBearerScheme() {
        Api.Response docs = api.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/auth/signup")).isTrue();
        assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").send().status()).isEqualTo(200);
    }
}
