package org.teachbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Behind the proxy an admin named (here the loopback address the test connects from), the
 * proxy's word counts: the browser's address from X-Forwarded-For, HTTPS from X-Forwarded-Proto,
 * so the learner cookie is Secure and browsers are told to stay on HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "teachbox.data-dir=target/test-data/proxy-${random.uuid}", "teachbox.trusted-proxies=127.0.0.1"})
@Import(EchoAddress.class)
class BehindNamedProxyTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theOwnerCookieIsSecureAndHstsIsSentWhenTheNamedProxySaysTheLearnerUsedHttps() throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());

        assertThat(response.headers().firstValue("Set-Cookie").orElseThrow())
                .startsWith("teachbox_owner=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
    }

    @Test
    void theBrowsersAddressComesFromTheNamedProxy() throws Exception {
        assertThat(EchoAddress.ask(http, port, "10.1.2.3")).isEqualTo("10.1.2.3");
    }

    @Test
    void anAddressThatIsNotAnIpIsRefusedAtStartUp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.5, proxy.school.lan"))
                .hasMessageContaining("proxy.school.lan");
        assertThat(TrustedProxies.parse(" 10.0.0.5 ,::1")).containsExactly("10.0.0.5", "0:0:0:0:0:0:0:1");
    }
}
