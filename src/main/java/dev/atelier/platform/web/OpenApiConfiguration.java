package dev.atelier.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /v3/api-docs}: generated from the controllers, plus how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI atelierApi() {
        return new OpenAPI()
                .info(new Info().title("Atelier API").version("v1").description("""
                        Generate images, video, music and speech, keep them in a library and cut them together.
                        Authenticate with `Authorization: Bearer <access token or API key>`. Errors are RFC 9457
                        problem details with a stable `code` and the `requestId`. Lists take `limit` (max 100) and
                        an opaque `cursor` and answer `{data, nextCursor, hasMore}`."""))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An access token (JWT) from /api/v1/auth/login, or an API key (atl_...)")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
