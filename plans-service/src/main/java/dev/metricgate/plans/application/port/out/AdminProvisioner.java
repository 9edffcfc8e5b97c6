package dev.metricgate.plans.application.port.out;

import java.util.UUID;

/** Creates tenant users in the identity provider. */
public interface AdminProvisioner {

    /**
     * Creates an enabled user with the tenant attribute and realm role, or nothing at all.
     *
     * @param password the password to set, or {@code null} to generate a temporary one
     */
    ProvisionedUser provision(String username, String email, UUID tenantId, String role, String password);

    /** Removes a user created by {@link #provision}, e.g. when recording the action failed. */
    void remove(String userId);

    /** @param temporaryPassword the generated one-time password, {@code null} if the caller gave one */
    record ProvisionedUser(String userId, String username, String temporaryPassword) {}
}
