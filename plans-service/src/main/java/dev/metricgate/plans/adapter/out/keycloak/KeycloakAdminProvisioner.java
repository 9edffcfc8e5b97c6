package dev.metricgate.plans.adapter.out.keycloak;

import dev.metricgate.plans.application.ProvisioningException;
import dev.metricgate.plans.application.ProvisioningException.Reason;
import dev.metricgate.plans.application.port.out.AdminProvisioner;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Creates tenant users with the Keycloak admin API under plans-service's service account. A user
 * whose role cannot be assigned is deleted again, so a failure leaves nothing behind.
 */
@Component
class KeycloakAdminProvisioner implements AdminProvisioner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminProvisioner.class);
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.!";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakProperties properties;
    private final Keycloak keycloak;

    KeycloakAdminProvisioner(KeycloakProperties properties) {
        this.properties = properties;
        this.keycloak = KeycloakBuilder.builder()
                .serverUrl(properties.serverUrl())
                .realm(properties.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build();
    }

    @Override
    public ProvisionedUser provision(String username, String email, UUID tenantId, String role, String password) {
        RealmResource realm = keycloak.realm(properties.realm());
        String temporary = password == null ? generatePassword() : null;
        var credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password != null ? password : temporary);
        credential.setTemporary(password == null);
        var user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setAttributes(Map.of("tenant_id", List.of(tenantId.toString())));
        user.setCredentials(List.of(credential));

        String userId = create(realm, user);
        try {
            // The available-roles list needs only manage-users; reading a role by name would need view-realm.
            var realmRoles = realm.users().get(userId).roles().realmLevel();
            RoleRepresentation roleRepresentation = realmRoles.listAvailable().stream()
                    .filter(r -> r.getName().equals(role))
                    .findFirst()
                    .orElseThrow(() -> new ProvisioningException(
                            Reason.FAILED, "The realm has no role " + role + " to assign.", null));
            realmRoles.add(List.of(roleRepresentation));
        } catch (RuntimeException e) {
            remove(userId);
            throw translate("assign the role", e);
        }
        return new ProvisionedUser(userId, username, temporary);
    }

    @Override
    public void remove(String userId) {
        try (Response ignored = keycloak.realm(properties.realm()).users().delete(userId)) {
            log.info("Removed half-provisioned Keycloak user {}", userId);
        } catch (RuntimeException e) {
            log.error("Could not remove half-provisioned Keycloak user {}", userId, e);
        }
    }

    private String create(RealmResource realm, UserRepresentation user) {
        try (Response response = realm.users().create(user)) {
            if (response.getStatus() == 409) {
                throw new ProvisioningException(
                        Reason.CONFLICT, "A user with this username or email already exists.", null);
            }
            if (response.getStatus() != 201) {
                throw new ProvisioningException(
                        Reason.FAILED,
                        "Keycloak refused to create the user (HTTP " + response.getStatus() + ").",
                        null);
            }
            return CreatedResponseUtil.getCreatedId(response);
        } catch (ProvisioningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate("create the user", e);
        }
    }

    private static ProvisioningException translate(String step, RuntimeException e) {
        if (e instanceof ProvisioningException provisioning) {
            return provisioning;
        }
        if (e instanceof ProcessingException) {
            return new ProvisioningException(Reason.UNAVAILABLE, "Keycloak is unreachable; could not " + step + ".", e);
        }
        if (e instanceof WebApplicationException web) {
            return new ProvisioningException(
                    Reason.FAILED,
                    "Keycloak refused to " + step + " (HTTP "
                            + web.getResponse().getStatus() + ").",
                    e);
        }
        return new ProvisioningException(Reason.FAILED, "Keycloak failed to " + step + ".", e);
    }

    private static String generatePassword() {
        StringBuilder out = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            out.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    @Override
    public void destroy() {
        keycloak.close();
    }
}
