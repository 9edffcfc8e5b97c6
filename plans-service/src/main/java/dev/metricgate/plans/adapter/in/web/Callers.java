package dev.metricgate.plans.adapter.in.web;

import dev.metricgate.kit.security.RealmRoles;
import dev.metricgate.plans.application.Caller;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The token's subject, tenant claim and realm roles as a use-case {@link Caller}. */
final class Callers {

    private Callers() {}

    static Caller of(Jwt jwt) {
        List<String> roles = RealmRoles.names(jwt.getClaims());
        String subject = jwt.getClaimAsString("preferred_username");
        return new Caller(
                subject != null ? subject : jwt.getSubject(),
                tenantId(jwt.getClaimAsString("tenant_id")),
                roles.contains(RealmRoles.PLATFORM_ADMIN),
                roles.contains(RealmRoles.TENANT_ADMIN),
                roles.contains(RealmRoles.TENANT_VIEWER));
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
