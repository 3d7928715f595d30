/*
 * What a browser receives with every page: no framing by other sites, a content security
 * policy, and an owner cookie that is not Secure on plain HTTP. No proxy is named here, so a
 * forged X-Forwarded-For or X-Forwarded-Proto changes nothing (BehindNamedProxyTest has one).
 */
package org.teachbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "teachbox.data-dir=target/test-data/headers-${random.uuid}")
@org.springframework.context.annotation.Import(EchoAddress.class)
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPageForbidsFramingByOtherSitesAndCarriesAPolicy() throws Exception {
        for (String path : new String[] {"/", "/project/00000000-0000-0000-0000-000000000000", "/actuator/health"}) {
            HttpResponse<Void> response = get(path, null);

            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("frame-ancestors 'self'").contains("default-src 'self'").contains("object-src 'none'");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
    }

    @Test
    void forwardedHeadersFromAnAddressNobodyNamedAreIgnored() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "10.1.2.3").build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();

        assertThat(cookie).startsWith("teachbox_owner=").doesNotContain("Secure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(EchoAddress.ask(http, port, "10.1.2.3")).isEqualTo("127.0.0.1");
    }

    @Test
    void theOwnerCookieIsNotSecureOnPlainHttpWhereTheBrowserWouldDropIt() throws Exception {
        String cookie = get("/", null).headers().firstValue("Set-Cookie").orElseThrow();

        assertThat(cookie).startsWith("teachbox_owner=").contains("HttpOnly").doesNotContain("Secure");
    }

    private HttpResponse<Void> get(String path, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
