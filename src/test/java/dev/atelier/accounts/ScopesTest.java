package dev.atelier.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint says who may call it; a key opens only what its scopes name. */
@AtelierTest
class ScopesTest {

    @Autowired
    Api api;

    @Autowired
    TestUsers users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theApiDescriptionNamesEveryScope() {
        tools.jackson.databind.JsonNode docs = api.get("/v3/api-docs").send().json();
        List<String> described = new ArrayList<>();
        docs.get("components").get("schemas").get("NewApiKey").get("properties").get("scopes").get("items")
                .get("enum").forEach(value -> described.add(value.asString()));
        assertThat(described).containsExactlyInAnyOrder(
                java.util.Arrays.stream(Scope.values()).map(Scope::value).toArray(String[]::new));
    }

    @Test
    void aBillingKeyOpensNeitherTheEventStreamNorTheProfile() {
        TestUsers.TestUser user = users.signUp();
        String billing = users.apiKey(user, "billing:read");

        assertThat(api.get("/api/v1/credits").bearer(billing).send().status()).isEqualTo(200);
        Api.Response events = api.get("/api/v1/events").bearer(billing).send();
        assertThat(events.status()).isEqualTo(403);
        assertThat(events.json().get("requiredScope").asString()).isEqualTo("generate");
        assertThat(api.get("/api/v1/me").bearer(billing).send().status()).isEqualTo(403);
    }

    @Test
    void theProfileNeedsAccountRead() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.get("/api/v1/me").bearer(users.apiKey(user, "account:read")).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me").bearer(user.accessToken()).send().status()).isEqualTo(200);
    }

    @Test
    void theCatalogIsOpenToAnyKey() {
        TestUsers.TestUser user = users.signUp();

        assertThat(api.get("/api/v1/models").bearer(users.apiKey(user, "billing:read")).send().status()).isEqualTo(200);
    }

    @Test
    void everyApiEndpointDeclaresWhoMayCallIt() {
        List<String> undeclared = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            boolean api = info.getPatternValues().stream().anyMatch(path -> path.startsWith("/api/")
                    && !path.startsWith("/api/v1/auth/") && !path.startsWith("/api/v1/webhooks/providers/"));
            boolean testOnly = method.getBeanType().getName().contains("Test");
            if (api && !testOnly && !declared(method)) {
                undeclared.add(info.toString());
            }
        });
        assertThat(undeclared).as("endpoints without @RequiresScope, @SignedInOnly, @AdminOnly or @AnyScope").isEmpty();
    }

    private static boolean declared(HandlerMethod method) {
        for (Class<? extends java.lang.annotation.Annotation> type : List.of(RequiresScope.class, SignedInOnly.class,
                AdminOnly.class, AnyScope.class)) {
            if (AnnotatedElementUtils.hasAnnotation(method.getMethod(), type)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), type)) {
                return true;
            }
        }
        return false;
    }
}
