package org.teachbox.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limits the server enforces, whatever a browser sends. */
@Configuration
class RateLimitConfiguration {

    /**
     * Webcam frames and drawings per learner. The camera sends about 24 a second and waits for
     * each answer, so an honest browser never reaches 30; a script calling the endpoint does.
     */
    @Bean
    CaptureRateLimit captureRateLimit(@Value("${teachbox.capture.max-per-second:30}") int perSecond) {
        return new CaptureRateLimit(new KeyedRateLimit(perSecond, perSecond));
    }
}
