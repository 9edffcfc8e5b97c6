package dev.metricgate.console;

import dev.metricgate.kit.security.RealmRoles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Sign-in, sign-out and CSRF for the console (ADR 0023): Keycloak's authorization code flow with
 * PKCE ({@code S256}) although the client is confidential; the tokens stay in the HTTP session; a
 * call to {@code /api/**} without a session answers 401 (the page then signs in again) instead of a
 * redirect; every state-changing request needs the CSRF token the page reads from the
 * {@code XSRF-TOKEN} cookie; sign-out ends the Keycloak session too.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String REGISTRATION = "keycloak";

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations) throws Exception {
        var logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/favicon.ico")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestResolver(pkce(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(realmRoles())))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .logout(out -> out.logoutSuccessHandler(logout))
                .csrf(csrf -> csrf.spa())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")))
                .oauth2Client(Customizer.withDefaults());
        return http.build();
    }

    private static OAuth2AuthorizationRequestResolver pkce(ClientRegistrationRepository registrations) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** The admin's Keycloak realm roles, from the ID token, as {@code ROLE_<name>} authorities. */
    private static GrantedAuthoritiesMapper realmRoles() {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            List<GrantedAuthority> mapped = new ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(RealmRoles.authorities(oidc.getIdToken().getClaims()));
                }
            }
            return mapped;
        };
    }
}
