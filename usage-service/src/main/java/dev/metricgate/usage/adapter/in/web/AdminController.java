package dev.metricgate.usage.adapter.in.web;

import dev.metricgate.usage.adapter.in.web.UsageResponses.RebuildResponse;
import dev.metricgate.usage.application.RebuildRollups;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operations for platform admins (secured in SecurityConfig). */
@RestController
class AdminController {

    private final RebuildRollups rebuildRollups;

    AdminController(RebuildRollups rebuildRollups) {
        this.rebuildRollups = rebuildRollups;
    }

    /** Recomputes the rollups of whole UTC days covering {@code [from, to)} from the raw events. */
    @PostMapping("/v1/admin/rollups/rebuild")
    RebuildResponse rebuild(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        long events = rebuildRollups.rebuild(from, to);
        return new RebuildResponse(from, to, events);
    }
}
