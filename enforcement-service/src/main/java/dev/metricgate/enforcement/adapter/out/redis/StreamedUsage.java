package dev.metricgate.enforcement.adapter.out.redis;

import dev.metricgate.contracts.UsageEvent;
import dev.metricgate.enforcement.domain.LimitCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A decision's usage record as the charge script writes it to the usage stream (ADR 0018): the
 * usage event as if allowed, and every limit the decision was checked against, so the relay can
 * name the one that denied from the script's verdict and denied index.
 *
 * <p>One line of {@code |}-separated fields, written on the request thread and read by the relay,
 * both far cheaper than JSON (which cost 3 % of the service's CPU in a profile of {@code make
 * bench}): {@code 2|eventId|occurredAt ms|tenantId|apiKeyId|cost|limits|chain|route}, where limits
 * are {@code policy,tenantId,level} separated by {@code ;}, the chain is the tenants charged, root
 * first, separated by {@code ,} (ADR 0019), and the route, which may contain anything, comes last.
 * Records of version 1 (no chain) written before an upgrade are still read.
 */
final class StreamedUsage {

    private static final String VERSION = "2";
    private static final String VERSION_WITHOUT_CHAIN = "1";

    private StreamedUsage() {}

    static byte[] encode(UsageEvent allowed, List<LimitCheck> checks) {
        StringBuilder line = new StringBuilder(160 + 48 * checks.size());
        line.append(VERSION)
                .append('|')
                .append(allowed.eventId())
                .append('|')
                .append(allowed.occurredAt().toEpochMilli())
                .append('|')
                .append(allowed.tenantId())
                .append('|')
                .append(allowed.apiKeyId() == null ? "" : allowed.apiKeyId())
                .append('|')
                .append(allowed.cost())
                .append('|');
        for (int i = 0; i < checks.size(); i++) {
            LimitCheck check = checks.get(i);
            if (i > 0) {
                line.append(';');
            }
            line.append(check.policy().wireName())
                    .append(',')
                    .append(check.tenant().tenantId())
                    .append(',')
                    .append(check.tenant().level());
        }
        line.append('|');
        List<UUID> chain = allowed.chain();
        for (int i = 0; i < chain.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(chain.get(i));
        }
        line.append('|').append(allowed.route());
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The usage event of the decision the script made.
     *
     * @param verdict the script's verdict: 0 allowed, 1 denied, 2 allowed with a shadow denial
     * @param deniedIndex the 1-based index of the denying limit, 0 for none
     * @throws IllegalArgumentException when the record is not one this class wrote
     */
    static UsageEvent decode(String record, int verdict, int deniedIndex) {
        boolean withChain = record.startsWith(VERSION + "|");
        if (!withChain && !record.startsWith(VERSION_WITHOUT_CHAIN + "|")) {
            throw new IllegalArgumentException("not a usage record of version " + VERSION + " or earlier");
        }
        int count = withChain ? 9 : 8;
        String[] fields = record.split("\\|", count);
        if (fields.length != count) {
            throw new IllegalArgumentException("a usage record of version " + fields[0] + " has " + count + " fields");
        }
        List<UUID> chain = withChain && !fields[7].isEmpty()
                ? Arrays.stream(fields[7].split(",")).map(UUID::fromString).toList()
                : List.of();
        String policy = null;
        UUID deniedTenant = null;
        Integer deniedLevel = null;
        if (deniedIndex > 0) {
            String[] limit = fields[6].split(";")[deniedIndex - 1].split(",");
            policy = limit[0];
            deniedTenant = UUID.fromString(limit[1]);
            deniedLevel = Integer.valueOf(limit[2]);
        }
        UsageEvent.Outcome outcome = switch (verdict) {
            case 0 -> UsageEvent.Outcome.ALLOWED;
            case 1 -> UsageEvent.Outcome.DENIED;
            default -> UsageEvent.Outcome.SHADOW_DENIED;
        };
        return new UsageEvent(
                UUID.fromString(fields[1]),
                Instant.ofEpochMilli(Long.parseLong(fields[2])),
                UUID.fromString(fields[3]),
                fields[4].isEmpty() ? null : UUID.fromString(fields[4]),
                fields[count - 1],
                Integer.parseInt(fields[5]),
                outcome,
                policy,
                deniedTenant,
                deniedLevel,
                chain);
    }
}
