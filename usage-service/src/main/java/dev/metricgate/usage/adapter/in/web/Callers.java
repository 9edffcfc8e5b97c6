package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.usage.domain.Caller;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of a request, from its JWT: realm roles and the {@code tenant_id} claim. */
final class Callers {

    private static final String ROLE_PREFIX = "ROLE_";

    private Callers() {}

    static Caller of(JwtAuthenticationToken authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toSet());
        return new Caller(roles, tenantId(authentication.getToken().getClaimAsString("tenant_id")));
    }

    private static UUID tenantId(String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
