package org.teachbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Our own page, directly or behind a proxy that ends HTTPS, counts as ours; another site does not. */
class SameOriginTest {

    @Test
    void thePageTheBrowserAskedForIsOursAnotherSiteIsNot() {
        assertThat(SameOrigin.sameSite("http://192.168.1.20:8080", "192.168.1.20:8080", "192.168.1.20", 8080)).isTrue();
        assertThat(SameOrigin.sameSite("http://School.Lan:8080/gather", "school.lan:8080", "school.lan", 8080)).isTrue();
        // behind nginx ending HTTPS: the browser's origin is https, the request arrives as http with Host school.lan
        assertThat(SameOrigin.sameSite("https://school.lan", "school.lan", "school.lan", 8080)).isTrue();
        assertThat(SameOrigin.sameSite("https://evil.example", "school.lan", "school.lan", 8080)).isFalse();
        assertThat(SameOrigin.sameSite("http://school.lan.evil.example", "school.lan", "school.lan", 8080)).isFalse();
        // another service on the same host, when the Host header names our port
        assertThat(SameOrigin.sameSite("http://school.lan:9000", "school.lan:8080", "school.lan", 8080)).isFalse();
        assertThat(SameOrigin.sameSite("http://[::1]:8080", "[::1]:8080", "::1", 8080)).isTrue();
        assertThat(SameOrigin.sameSite("not a url", "school.lan", "school.lan", 8080)).isFalse();
    }
}
