package dev.metricgate.kit.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/** Keycloak realm roles ({@code realm_access.roles}) as {@code ROLE_<name>} authorities. */
public final class RealmRoles {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String TENANT_VIEWER = "tenant-viewer";
    public static final String INTERNAL_SERVICE = "internal-service";

    private RealmRoles() {}

    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(RealmRoles::authorities);
        converter.setPrincipalClaimName("sub");
        return converter;
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return authorities(jwt.getClaims());
    }

    /** The realm roles in a token's claims ({@code realm_access.roles}) as {@code ROLE_<name>} authorities. */
    public static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return names(claims).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    /** The realm role names in a token's claims ({@code realm_access.roles}); none when absent. */
    public static List<String> names(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }
}
