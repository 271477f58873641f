package dev.atelier.accounts.internal;

import dev.atelier.platform.ApiException;
import dev.atelier.platform.web.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API is stateless: every call carries {@code Authorization: Bearer <access token or API key>}.
 * Only {@code /api/**} needs a caller; health, metrics, the API description and unknown paths
 * pass through (an unknown path is an honest 404, not a 401).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private final AccessRules accessRules;

    SecurityConfiguration(AccessRules accessRules) {
        this.accessRules = accessRules;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(accessRules).addPathPatterns("/api/**");
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, Problems problems, AccessTokens accessTokens, ApiKeys apiKeys,
            Users users) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
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
                        .requestMatchers("/api/v1/auth/**").permitAll()
                        // providers sign their webhooks; each scheme is verified by the providers module
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/providers/*").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(request, response,
                                new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "Send Authorization: Bearer <access token or API key>")))
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                new ApiException(HttpStatus.FORBIDDEN, "forbidden", "You may not do this"))))
                .build();
    }

    /** No user-details login here; declaring an empty one stops Boot from generating a default user. */
    @Bean
    UserDetailsService noUserDetails() {
        return new InMemoryUserDetailsManager();
    }
}
