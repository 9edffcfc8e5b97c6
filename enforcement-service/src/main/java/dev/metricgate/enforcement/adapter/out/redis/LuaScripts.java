package dev.metricgate.enforcement.adapter.out.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts under {@code scripts/}, read once: a {@link RedisScript} built from a resource
 * would check the file again on every call.
 */
final class LuaScripts {

    private LuaScripts() {}

    static <T> RedisScript<T> load(String name, Class<T> resultType) {
        String path = "scripts/" + name;
        try (var in = new ClassPathResource(path).getInputStream()) {
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
