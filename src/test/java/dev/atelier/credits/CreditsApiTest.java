package dev.atelier.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@AtelierTest
class CreditsApiTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;

    TestUser user;
    TestUser admin;

    @BeforeEach
    void setUp() {
        user = users.signUp();
        admin = users.admin();
    }

    @Test
    void aNewAccountHasItsOneHundredWelcomeCreditsAsSoonAsSignUpAnswers() {
        Api.Response signUp = api.post("/api/v1/auth/signup")
                .json(Map.of("email", TestUsers.uniqueEmail(), "password", TestUsers.PASSWORD, "name", "Eager")).send();
        assertThat(signUp.status()).isEqualTo(201);

        // asked at once, no waiting: a client that signs up and spends straight away must find them
        JsonNode balance = api.get("/api/v1/credits").bearer(signUp.json().get("accessToken").asString()).send().json();
        assertThat(balance.get("balance").asLong()).isEqualTo(100);
        assertThat(balance.get("held").asLong()).isZero();
        assertThat(balance.get("available").asLong()).isEqualTo(100);
    }

    @Test
    void theLedgerIsACursorListNewestFirst() {
        for (int amount = 1; amount <= 3; amount++) {
            assertThat(grant(user.id(), amount, "gift " + amount, UUID.randomUUID().toString()).status()).isEqualTo(201);
        }

        List<Long> amounts = new ArrayList<>();
        String cursor = "";
        boolean more = true;
        while (more) {
            JsonNode page = api.get("/api/v1/credits/ledger?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor))
                    .bearer(user.accessToken()).send().json();
            page.get("data").forEach(entry -> amounts.add(entry.get("amount").asLong()));
            more = page.get("hasMore").asBoolean();
            cursor = more ? page.get("nextCursor").asString() : "";
        }

        assertThat(amounts).containsExactly(3L, 2L, 1L, 100L);
    }

    @Test
    void anAdminGrantNeedsAnIdempotencyKey() {
        Api.Response response = api.post("/api/v1/admin/accounts/" + user.id() + "/credits").bearer(admin.accessToken())
                .json(Map.of("amount", 10, "reason", "gift")).unvalidatedRequest().send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("idempotency_key_required");
    }

    @Test
    void anAdminGrantMovesCreditsOnceHoweverOftenItIsSent() {
        String key = UUID.randomUUID().toString();

        Api.Response first = grant(user.id(), 50, "support gesture", key);
        Api.Response again = grant(user.id(), 50, "support gesture", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("kind").asString()).isEqualTo("grant");
        assertThat(first.json().get("balance").asLong()).isEqualTo(150);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).isEqualTo(first.text());
        assertThat(balance(user).get("balance").asLong()).isEqualTo(150);
    }

    @Test
    void theSameKeyWithAnotherAmountIsRefused() {
        String key = UUID.randomUUID().toString();
        grant(user.id(), 50, "gift", key);

        Api.Response other = grant(user.id(), 60, "gift", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(balance(user).get("balance").asLong()).isEqualTo(150);
    }

    @Test
    void takingAwayMoreThanIsAvailableIsAConflict() {
        Api.Response response = grant(user.id(), -101, "chargeback", UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("insufficient_credits");
        assertThat(response.json().get("available").asLong()).isEqualTo(100);

        Api.Response allOfIt = grant(user.id(), -100, "chargeback", UUID.randomUUID().toString());
        assertThat(allOfIt.status()).isEqualTo(201);
        assertThat(allOfIt.json().get("kind").asString()).isEqualTo("adjustment");
        assertThat(balance(user).get("available").asLong()).isZero();
    }

    @Test
    void badAmountsAreProblemsAndMoveNothing() {
        for (Object amount : List.of(0, 1.5, "lots", 1e30, -10_000_000_000L, 1_000_000_001L)) {
            Api.Response response = api.post("/api/v1/admin/accounts/" + user.id() + "/credits")
                    .bearer(admin.accessToken()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .json(Map.of("amount", amount, "reason", "bad")).unvalidatedRequest().send();
            assertThat(response.status()).as("amount %s", amount).isEqualTo(400);
            assertThat(response.json().get("code").asString()).isIn("invalid_amount", "malformed_body");
        }
        Api.Response noReason = api.post("/api/v1/admin/accounts/" + user.id() + "/credits")
                .bearer(admin.accessToken()).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .json(Map.of("amount", 5)).unvalidatedRequest().send();
        assertThat(noReason.json().get("code").asString()).isEqualTo("validation_failed");
        assertThat(balance(user).get("balance").asLong()).isEqualTo(100);
    }

    @Test
    void creditsForAnUnknownAccountAreNotFound() {
        Api.Response response = grant(UUID.randomUUID(), 10, "gift", UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("account_not_found");
    }

    @Test
    void onlyAdminsGrantAndAudit() {
        Api.Response grant = api.post("/api/v1/admin/accounts/" + user.id() + "/credits").bearer(user.accessToken())
                .header("Idempotency-Key", UUID.randomUUID().toString()).json(Map.of("amount", 10, "reason", "me"))
                .send();
        Api.Response audit = api.get("/api/v1/admin/credits/audit").bearer(user.accessToken()).send();

        assertThat(grant.status()).isEqualTo(403);
        assertThat(audit.status()).isEqualTo(403);
        assertThat(balance(user).get("balance").asLong()).isEqualTo(100);
    }

    @Test
    void theAuditFindsTheBooksBalanced() {
        grant(user.id(), 7, "gift", UUID.randomUUID().toString());

        JsonNode audit = api.get("/api/v1/admin/credits/audit").bearer(admin.accessToken()).send().json();

        assertThat(audit.get("clean").asBoolean()).isTrue();
        assertThat(audit.get("violations")).isEmpty();
        assertThat(audit.get("accounts").asLong()).isPositive();
    }

    @Test
    void anApiKeyNeedsTheBillingScopeToReadCredits() {
        String without = users.apiKey(user, "generate");
        String with = users.apiKey(user, "billing:read");

        assertThat(api.get("/api/v1/credits").bearer(without).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/credits").bearer(with).send().status()).isEqualTo(200);
    }

    private JsonNode balance(TestUser who) {
        Api.Response response = api.get("/api/v1/credits").bearer(who.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Api.Response grant(UUID to, Object amount, String reason, String key) {
        return api.post("/api/v1/admin/accounts/" + to + "/credits").bearer(admin.accessToken())
                .header("Idempotency-Key", key).json(Map.of("amount", amount, "reason", reason)).send();
    }
}
