package org.teachbox.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only URL that says which address the server believes a request came from. */
@RestController
class EchoAddress {

    @GetMapping("/test-only/address")
    String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    /** The address the server sees for a request from here that claims to be forwardedFor. */
    static String ask(HttpClient http, int port, String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/test-only/address"))
                .header("X-Forwarded-For", forwardedFor).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
