package org.teachbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Teachbox: one process holds the web UI, the project store and the training pool. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TeachboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(TeachboxApplication.class, args);
    }
}
