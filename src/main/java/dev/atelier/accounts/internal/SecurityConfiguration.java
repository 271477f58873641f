package dev.atelier.accounts.internal;

import dev.atelier.accounts.CurrentUser;
import dev.atelier.accounts.Scope;
import dev.atelier.platform.ApiException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import dev.atelier.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API is stateless: every call carries {@code Authorization: Bearer <access token or API key>}.
 * {@code /api/**} and the OpenAI-compatible {@code /v1/**} need a caller; the operational endpoints
 * under {@code /actuator} other than health need an admin (signed in, or an admin's API key with
 * {@code metrics:read}, for a metrics scraper); health, the API description and unknown paths pass
 * through (an unknown path is an honest 404, not a 401).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** Paths under /api that need no caller; {@link AccessDocs} tells the API description the same. */
    /**
     * What needs no caller under {@code /api}: signing in, and providers' webhooks (each provider's
     * signature scheme is verified by the providers module instead).
     */
    static final String[] PUBLIC_API = {"/api/v1/auth/**", "/api/v1/webhooks/providers/**"};

    private final AccessRules accessRules;

    SecurityConfiguration(AccessRules accessRules) {
        this.accessRules = accessRules;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(accessRules).addPathPatterns("/api/**", "/v1/**");
    }

    /**
     * No Spring Security observations at all. Turning them off in configuration
     * ({@code management.observations.enable.spring.security}) only makes each one a no-op: the chain
     * was still decorated, every filter of every request still wrapped and every authorization still
     * made an observation object, on every request (issue 16: seen in a profile of the submits). Requests
     * are still observed whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Problems problems, AccessTokens accessTokens, ApiKeys apiKeys,
            Users users, BrowserCookies cookies) throws Exception {
        return http
                // bearer calls carry no ambient credential; only the browser's cookie endpoints need
                // CSRF protection (docs/studio.md)
                .csrf(csrf -> csrf
                        .csrfTokenRepository(new CsrfCookies(cookies))
                        .requireCsrfProtectionMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, BrowserCookies.SESSION_PATH + "/**")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerAuthentication(accessTokens, apiKeys, users, problems),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // the second pass of an async request (an event stream ending): the request was
                        // authorised on its first pass, and the bearer filter does not run again here
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/v1/**").authenticated() // the OpenAI-compatible API (compat)
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").access((authentication, context) ->
                                new AuthorizationDecision(operator(authentication.get())))
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "Send Authorization: Bearer <access token or API key>")))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                e instanceof CsrfException
                                        ? new ApiException(HttpStatus.FORBIDDEN, "csrf_token_invalid",
                                                "Send the page's CSRF token in " + BrowserCookies.CSRF_HEADER)
                                        : new ApiException(HttpStatus.FORBIDDEN, "forbidden", "You may not do this"))))
                .build();
    }

    private static boolean operator(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.admin()
                && (!user.viaApiKey() || user.has(Scope.METRICS_READ));
    }

    /** No user-details login here; declaring an empty one stops Boot from generating a default user. */
    @Bean
    UserDetailsService noUserDetails() {
        return new InMemoryUserDetailsManager();
    }
}
