package dev.metricgate.plans.config;

import dev.metricgate.plans.application.ChangeEvents;
import dev.metricgate.plans.application.CreateApiKey;
import dev.metricgate.plans.application.CreatePlan;
import dev.metricgate.plans.application.CreateTenant;
import dev.metricgate.plans.application.DeletePlan;
import dev.metricgate.plans.application.DeleteTenant;
import dev.metricgate.plans.application.GetPlan;
import dev.metricgate.plans.application.GetTenant;
import dev.metricgate.plans.application.ListApiKeys;
import dev.metricgate.plans.application.ListAuditEvents;
import dev.metricgate.plans.application.ListPlans;
import dev.metricgate.plans.application.ListTenants;
import dev.metricgate.plans.application.ProvisionTenantAdmin;
import dev.metricgate.plans.application.ResolveApiKey;
import dev.metricgate.plans.application.RevokeApiKey;
import dev.metricgate.plans.application.RotateApiKey;
import dev.metricgate.plans.application.TenantAccess;
import dev.metricgate.plans.application.UpdatePlan;
import dev.metricgate.plans.application.UpdateTenant;
import dev.metricgate.plans.application.port.out.AdminProvisioner;
import dev.metricgate.plans.application.port.out.ApiKeyRepository;
import dev.metricgate.plans.application.port.out.AuditLog;
import dev.metricgate.plans.application.port.out.ChangeEventOutbox;
import dev.metricgate.plans.application.port.out.PlanRepository;
import dev.metricgate.plans.application.port.out.TenantRepository;
import dev.metricgate.plans.application.port.out.Transactions;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The use cases are plain Java; this is where they meet their adapters. */
@Configuration
@EnableScheduling
class UseCaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TenantAccess tenantAccess(TenantRepository tenants) {
        return new TenantAccess(tenants);
    }

    @Bean
    ChangeEvents changeEvents(ChangeEventOutbox outbox) {
        return new ChangeEvents(outbox);
    }

    @Bean
    CreateTenant createTenant(
            Transactions tx,
            TenantRepository tenants,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new CreateTenant(tx, tenants, plans, access, audit, events, clock);
    }

    @Bean
    UpdateTenant updateTenant(
            Transactions tx,
            TenantRepository tenants,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new UpdateTenant(tx, tenants, plans, access, audit, events, clock);
    }

    @Bean
    DeleteTenant deleteTenant(
            Transactions tx,
            TenantRepository tenants,
            PlanRepository plans,
            ApiKeyRepository keys,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new DeleteTenant(tx, tenants, plans, keys, access, audit, events, clock);
    }

    @Bean
    GetTenant getTenant(Transactions tx, PlanRepository plans, TenantAccess access) {
        return new GetTenant(tx, plans, access);
    }

    @Bean
    ListTenants listTenants(Transactions tx, TenantRepository tenants, TenantAccess access) {
        return new ListTenants(tx, tenants, access);
    }

    @Bean
    CreatePlan createPlan(
            Transactions tx,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new CreatePlan(tx, plans, access, audit, events, clock);
    }

    @Bean
    UpdatePlan updatePlan(
            Transactions tx,
            PlanRepository plans,
            TenantRepository tenants,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new UpdatePlan(tx, plans, tenants, access, audit, events, clock);
    }

    @Bean
    DeletePlan deletePlan(
            Transactions tx,
            PlanRepository plans,
            TenantRepository tenants,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new DeletePlan(tx, plans, tenants, access, audit, events, clock);
    }

    @Bean
    GetPlan getPlan(Transactions tx, PlanRepository plans, TenantAccess access) {
        return new GetPlan(tx, plans, access);
    }

    @Bean
    ListPlans listPlans(Transactions tx, PlanRepository plans, TenantAccess access) {
        return new ListPlans(tx, plans, access);
    }

    @Bean
    CreateApiKey createApiKey(
            Transactions tx,
            ApiKeyRepository keys,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new CreateApiKey(tx, keys, plans, access, audit, events, clock);
    }

    @Bean
    ListApiKeys listApiKeys(Transactions tx, ApiKeyRepository keys, TenantAccess access, Clock clock) {
        return new ListApiKeys(tx, keys, access, clock);
    }

    @Bean
    RotateApiKey rotateApiKey(
            Transactions tx,
            ApiKeyRepository keys,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new RotateApiKey(tx, keys, plans, access, audit, events, clock);
    }

    @Bean
    RevokeApiKey revokeApiKey(
            Transactions tx,
            ApiKeyRepository keys,
            PlanRepository plans,
            TenantAccess access,
            AuditLog audit,
            ChangeEvents events,
            Clock clock) {
        return new RevokeApiKey(tx, keys, plans, access, audit, events, clock);
    }

    @Bean
    ResolveApiKey resolveApiKey(
            Transactions tx, ApiKeyRepository keys, TenantRepository tenants, PlanRepository plans, Clock clock) {
        return new ResolveApiKey(tx, keys, tenants, plans, clock);
    }

    @Bean
    ListAuditEvents listAuditEvents(Transactions tx, AuditLog audit, TenantAccess access) {
        return new ListAuditEvents(tx, audit, access);
    }

    @Bean
    ProvisionTenantAdmin provisionTenantAdmin(
            Transactions tx, TenantAccess access, AdminProvisioner provisioner, AuditLog audit, Clock clock) {
        return new ProvisionTenantAdmin(tx, access, provisioner, audit, clock);
    }
}
