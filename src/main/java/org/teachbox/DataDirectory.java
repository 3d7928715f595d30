package org.teachbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code teachbox.data-dir} once, to an absolute path, and creates it. H2 refuses
 * implicitly relative paths, and a value like {@code ./data} should mean "next to where the
 * server was started" however the database URL is written.
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String RESOLVED = "teachbox.data-dir-resolved";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("teachbox.data-dir", "./data");
        Path dir = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("teachboxDataDirectory",
                Map.of(RESOLVED, dir.toString().replace('\\', '/'))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
