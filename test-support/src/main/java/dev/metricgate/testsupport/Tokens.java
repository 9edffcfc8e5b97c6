package dev.metricgate.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * Signed JWTs from the shared in-JVM issuer, shaped like the metricgate realm's: realm roles under
 * {@code realm_access.roles}, the tenant in {@code tenant_id}, the callee in {@code aud}.
 */
public final class Tokens {

    public static final String ISSUER_ID = "metricgate";
    /** Admin tokens from the command-line client carry every admin API as audience. */
    public static final List<String> ADMIN_AUDIENCES = List.of("plans-service", "usage-service", "enforcement-service");

    private static final long LIFETIME_SECONDS = 3600;

    private Tokens() {}

    public static String issuerUri() {
        return SharedServers.oidc().issuerUrl(ISSUER_ID).toString();
    }

    public static String platformAdmin() {
        return user("platform-admin", null, "platform-admin");
    }

    public static String tenantAdmin(UUID tenantId) {
        return user("admin-of-" + tenantId, tenantId, "tenant-admin");
    }

    public static String tenantViewer(UUID tenantId) {
        return user("viewer-of-" + tenantId, tenantId, "tenant-viewer");
    }

    /** A signed-in user with the given realm roles (none is fine: a valid token without a role). */
    public static String user(String username, UUID tenantId, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("preferred_username", username);
        claims.put("azp", "metricgate-cli");
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        if (tenantId != null) {
            claims.put("tenant_id", tenantId.toString());
        }
        return issue(username, ADMIN_AUDIENCES, claims);
    }

    /** A client-credentials token of one service calling another. */
    public static String service(String clientId, String audience, String... roles) {
        List<String> allRoles = new ArrayList<>(List.of(roles));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("azp", clientId);
        claims.put("client_id", clientId);
        claims.put("preferred_username", "service-account-" + clientId);
        claims.put("realm_access", Map.of("roles", allRoles));
        return issue("service-account-" + clientId, List.of(audience), claims);
    }

    private static String issue(String subject, List<String> audience, Map<String, Object> claims) {
        var callback = new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", audience, claims, LIFETIME_SECONDS);
        return SharedServers.oidc()
                .issueToken(ISSUER_ID, "metricgate-tests", callback)
                .serialize();
    }
}
