package dev.metricgate.enforcement.application.port.out;

import dev.metricgate.contracts.KeyResolution;
import java.util.Optional;

/** plans-service, the source of truth for keys; asked only on a cache miss. */
public interface KeyDirectory {

    /**
     * @return the resolution, or empty when plans-service does not know the hash
     * @throws KeyDirectoryUnavailableException when plans-service cannot answer in time
     */
    Optional<KeyResolution> find(String keyHash);
}
