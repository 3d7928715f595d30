package org.teachbox.share;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code teachbox.api.*}: how often one share code may be asked through the REST API.
 *
 * @param burst     requests it may make at once
 * @param perSecond requests per second it gets back after that
 */
@ConfigurationProperties("teachbox.api")
public record ApiProperties(int burst, double perSecond) {

    public ApiProperties {
        if (burst <= 0) burst = 30;
        if (!(perSecond > 0)) perSecond = 10;
    }
}
