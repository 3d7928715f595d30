package org.teachbox.training;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teachbox.servers.*}: servers sharing one database tell each other they are alive.
 *
 * @param heartbeat how often this server says so
 * @param silence   how long another server may be silent before its trainings count as stopped
 */
@ConfigurationProperties("teachbox.servers")
public record ServerProperties(Duration heartbeat, Duration silence) {

    public ServerProperties {
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) heartbeat = Duration.ofSeconds(5);
        if (silence == null || silence.isNegative() || silence.isZero()) silence = Duration.ofSeconds(30);
    }
}
