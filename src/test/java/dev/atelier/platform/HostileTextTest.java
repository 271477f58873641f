package dev.atelier.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.test.Api;
import dev.atelier.test.AtelierTest;
import dev.atelier.test.TestUsers;
import dev.atelier.test.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Text that cannot be stored, and values of the wrong type, are refused once, by the platform. */
@AtelierTest
class HostileTextTest {

    @Autowired
    Api api;
    @Autowired
    TestUsers users;
    @Autowired
    Environment environment;

    @Test
    void nulInABodyFieldIsInvalidTextNamingTheField() {
        Api.Response response = api.post("/api/v1/auth/signup").unvalidatedRequest()
                .json("{\"email\":\"nul@test.atelier\",\"password\":\"correct horse battery\",\"name\":\"a\\u0000b\"}")
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_text");
        assertThat(response.json().get("field").asString()).isEqualTo("name");
    }

    @Test
    void anUnpairedSurrogateDeepInAMapIsInvalidTextNamingThePath() {
        TestUser user = users.signUp();

        Api.Response response = api.post("/api/v1/generations").bearer(user.accessToken()).unvalidatedRequest()
                .json("{\"model\":\"local/sketch\",\"prompt\":\"fox\",\"params\":{\"style\":\"\\ud800\"}}").send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid_text");
        assertThat(response.json().get("field").asString()).isEqualTo("params.style");
    }

    @Test
    void aNumberWhereTextBelongsIsNotQuietlyMadeText() {
        Api.Response response = api.post("/api/v1/auth/signup").unvalidatedRequest()
                .json("{\"email\":\"typed@test.atelier\",\"password\":\"correct horse battery\",\"name\":12345}")
                .send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("malformed_body");
    }

    @Test
    void malformedPercentEncodingOrNulInAQueryIsAnInvalidParameter() {
        TestUser user = users.signUp();
        RawHttp http = new RawHttp(Integer.parseInt(environment.getProperty("local.server.port")));
        for (String query : new String[] {"q=%zz", "q=abc%", "q=a%00b", "q=%C3%28"}) {
            RawHttp.Answer answer = http.send("GET", ("/api/v1/generations?" + query).getBytes(),
                    java.util.List.<String[]>of(new String[] {"Authorization", "Bearer " + user.accessToken()}), null);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.text()).contains("\"code\":\"invalid_parameter\"").contains("\"parameter\":\"q\"");
        }
    }

    @Test
    void aProblemExtensionMayNotReuseAStandardMember() {
        assertThatThrownBy(() -> ApiException.conflict("x", "y").with("status", "succeeded"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ApiException.conflict("x", "y").with("generationStatus", "succeeded").properties())
                .isEqualTo(Map.of("generationStatus", "succeeded"));
    }
}
