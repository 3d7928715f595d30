package org.teachbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Teachbox: one process holds the web UI, the project store and the training pool. */
@SpringBootApplication
public class TeachboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(TeachboxApplication.class, args);
    }
}
