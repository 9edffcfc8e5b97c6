package dev.metricgate.console;

import dev.metricgate.kit.security.RealmRoles;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in, with which realm roles and, for a tenant admin or viewer,
 * which tenant, so the pages show only what the admin may do; and the CSRF token.
 */
@RestController
class CurrentAdmin {

    /**
     * @param logoutToken the CSRF token in the masked form a form parameter needs (the sign-out form
     *     posts it); the page's own calls send the XSRF-TOKEN cookie's value as a header
     */
    record Me(
            String username,
            String name,
            List<String> roles,
            String tenantId,
            boolean platformAdmin,
            boolean canWrite,
            String logoutToken) {}

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
        List<String> roles = RealmRoles.names(user.getClaims());
        boolean platformAdmin = roles.contains(RealmRoles.PLATFORM_ADMIN);
        return new Me(
                user.getPreferredUsername(),
                user.getFullName(),
                roles,
                user.getClaimAsString("tenant_id"),
                platformAdmin,
                platformAdmin || roles.contains(RealmRoles.TENANT_ADMIN),
                csrf.getToken()); // also renders the XSRF-TOKEN cookie
    }
}
