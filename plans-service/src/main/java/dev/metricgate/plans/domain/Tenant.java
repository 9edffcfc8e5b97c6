package dev.metricgate.plans.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** A reseller or customer in the hierarchy, with an optional plan and a billing calendar. */
public final class Tenant {

    public static final int MAX_NAME_LENGTH = 200;
    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final int DEFAULT_ANCHOR_DAY = 1;

    private final UUID id;
    private final TenantKind kind;
    private final Instant createdAt;
    private String name;
    private UUID parentId;
    private TenantStatus status;
    private UUID planId;
    private String timeZone;
    private int billingAnchorDay;
    private Instant updatedAt;

    public Tenant(
            UUID id,
            String name,
            TenantKind kind,
            UUID parentId,
            TenantStatus status,
            UUID planId,
            String timeZone,
            int billingAnchorDay,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.name = checkedName(name);
        this.kind = Objects.requireNonNull(kind);
        this.parentId = parentId;
        this.status = Objects.requireNonNull(status);
        this.planId = planId;
        this.timeZone = checkedTimeZone(timeZone);
        this.billingAnchorDay = checkedAnchorDay(billingAnchorDay);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static Tenant create(
            UUID id,
            String name,
            TenantKind kind,
            UUID parentId,
            UUID planId,
            String timeZone,
            Integer billingAnchorDay,
            Instant now) {
        return new Tenant(
                id,
                name,
                kind,
                parentId,
                TenantStatus.ACTIVE,
                planId,
                timeZone == null ? DEFAULT_TIME_ZONE : timeZone,
                billingAnchorDay == null ? DEFAULT_ANCHOR_DAY : billingAnchorDay,
                now,
                now);
    }

    public void rename(String newName, Instant now) {
        this.name = checkedName(newName);
        touch(now);
    }

    /** Changes the parent; the caller checks the new place with {@link Hierarchy#checkPlacement}. */
    public void moveTo(UUID newParentId, Instant now) {
        this.parentId = newParentId;
        touch(now);
    }

    public void assignPlan(UUID newPlanId, Instant now) {
        this.planId = newPlanId;
        touch(now);
    }

    public void changeBillingCalendar(String newTimeZone, Integer newAnchorDay, Instant now) {
        if (newTimeZone != null) {
            this.timeZone = checkedTimeZone(newTimeZone);
        }
        if (newAnchorDay != null) {
            this.billingAnchorDay = checkedAnchorDay(newAnchorDay);
        }
        touch(now);
    }

    public void changeStatus(TenantStatus newStatus, Instant now) {
        requireNotDeleted();
        if (newStatus == TenantStatus.DELETED) {
            throw new RuleViolationException(
                    "tenant.invalid_status_change", "Delete a tenant with DELETE, not by setting its status.");
        }
        this.status = newStatus;
        touch(now);
    }

    public void markDeleted(Instant now) {
        requireNotDeleted();
        this.status = TenantStatus.DELETED;
        touch(now);
    }

    public void requireNotDeleted() {
        if (status == TenantStatus.DELETED) {
            throw new ConflictException("tenant.deleted", "Tenant " + id + " is deleted.");
        }
    }

    public boolean isLive() {
        return status != TenantStatus.DELETED;
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new RuleViolationException("tenant.invalid_name", "A tenant name has 1 to 200 characters.");
        }
        return name;
    }

    private static String checkedTimeZone(String zone) {
        try {
            ZoneId parsed = ZoneId.of(zone);
            if (parsed instanceof ZoneOffset && !zone.equals("UTC") && !zone.equals("Z")) {
                throw new DateTimeException("offset, not a region");
            }
            return zone;
        } catch (DateTimeException | NullPointerException e) {
            throw new RuleViolationException(
                    "tenant.invalid_time_zone", "timeZone must be an IANA time zone such as Europe/Berlin.");
        }
    }

    private static int checkedAnchorDay(int day) {
        if (day < 1 || day > 28) {
            throw new RuleViolationException("tenant.invalid_anchor_day", "billingAnchorDay must be 1 to 28.");
        }
        return day;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public TenantKind kind() {
        return kind;
    }

    public UUID parentId() {
        return parentId;
    }

    public TenantStatus status() {
        return status;
    }

    public UUID planId() {
        return planId;
    }

    public String timeZone() {
        return timeZone;
    }

    public int billingAnchorDay() {
        return billingAnchorDay;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
