package dev.metricgate.plans.application;

import dev.metricgate.plans.application.port.out.AdminProvisioner;
import dev.metricgate.plans.application.port.out.AdminProvisioner.ProvisionedUser;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.Transactions;
import dev.metricgate.plans.domain.Hierarchy;
import java.time.Clock;
import java.util.UUID;

/**
 * Creates a tenant admin or viewer in the identity provider. The provider call runs outside the
 * database transaction; if recording the action fails afterwards, the user is removed again.
 */
public final class ProvisionTenantAdmin {

    public record ProvisionAdminCommand(UUID tenantId, String username, String email, String role, String password) {}

    private final Transactions tx;
    private final TenantAccess access;
    private final AdminProvisioner provisioner;
    private final AuditLog audit;
    private final Clock clock;

    public ProvisionTenantAdmin(
            Transactions tx, TenantAccess access, AdminProvisioner provisioner, AuditLog audit, Clock clock) {
        this.tx = tx;
        this.access = access;
        this.provisioner = provisioner;
        this.audit = audit;
        this.clock = clock;
    }

    public ProvisionedUser handle(ProvisionAdminCommand command, Caller caller) {
        tx.read(() -> {
            Hierarchy hierarchy = access.manageableTree(caller, command.tenantId());
            hierarchy.get(command.tenantId()).requireNotDeleted();
            return null;
        });
        ProvisionedUser user = provisioner.provision(
                command.username(), command.email(), command.tenantId(), command.role(), command.password());
        try {
            tx.write(() -> {
                audit.append(new AuditEntry(
                        clock.instant(),
                        caller.subject(),
                        "tenant.admin_provisioned",
                        "user",
                        UUID.fromString(user.userId()),
                        command.tenantId(),
                        "username=" + user.username() + ", role=" + command.role()));
                return null;
            });
        } catch (RuntimeException e) {
            provisioner.remove(user.userId());
            throw e;
        }
        return user;
    }
}
