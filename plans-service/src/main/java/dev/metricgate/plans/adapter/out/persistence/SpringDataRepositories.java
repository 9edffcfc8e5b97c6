package dev.metricgate.plans.adapter.out.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TenantSpringDataRepository extends JpaRepository<TenantJpaEntity, UUID> {

    /** The root above the tenant, then every descendant of that root: the tenant's whole tree. */
    @Query(nativeQuery = true, value = """
            with recursive up as (
                select id, parent_id from tenants where id = :id
                union
                select t.id, t.parent_id from tenants t join up on t.id = up.parent_id
            ), down as (
                select t.* from tenants t where t.id in (select id from up where parent_id is null)
                union
                select t.* from tenants t join down d on t.parent_id = d.id
            )
            select * from down
            """)
    List<TenantJpaEntity> treeOf(@Param("id") UUID id);

    /** The whole trees of the tenants that have one of the plans assigned directly. */
    @Query(nativeQuery = true, value = """
            with recursive up as (
                select id, parent_id from tenants where plan_id in (:planIds)
                union
                select t.id, t.parent_id from tenants t join up on t.id = up.parent_id
            ), down as (
                select t.* from tenants t where t.id in (select id from up where parent_id is null)
                union
                select t.* from tenants t join down d on t.parent_id = d.id
            )
            select * from down
            """)
    List<TenantJpaEntity> treesUsingPlans(@Param("planIds") Collection<UUID> planIds);

    Page<TenantJpaEntity> findByParentIdAndStatusNot(UUID parentId, String status, Pageable pageable);

    Page<TenantJpaEntity> findByParentIdIsNullAndStatusNot(String status, Pageable pageable);

    boolean existsByPlanId(UUID planId);
}

interface PlanSpringDataRepository extends JpaRepository<PlanJpaEntity, UUID> {}

interface ApiKeySpringDataRepository extends JpaRepository<ApiKeyJpaEntity, UUID> {

    Optional<ApiKeyJpaEntity> findByKeyHash(String keyHash);

    List<ApiKeyJpaEntity> findByTenantIdOrderByCreatedAtDesc(UUID tenantId);
}

interface AuditEventSpringDataRepository extends JpaRepository<AuditEventJpaEntity, Long> {

    @Query("select e from AuditEventJpaEntity e where e.tenantId in :tenantIds"
            + " and e.occurredAt >= :from and e.occurredAt < :to order by e.id desc")
    Page<AuditEventJpaEntity> findForTenants(
            @Param("tenantIds") Collection<UUID> tenantIds,
            @Param("from") Instant from,
            @Param("to") Instant to,
            Pageable pageable);

    @Query("select e from AuditEventJpaEntity e where e.occurredAt >= :from and e.occurredAt < :to order by e.id desc")
    Page<AuditEventJpaEntity> findAll(@Param("from") Instant from, @Param("to") Instant to, Pageable pageable);
}
