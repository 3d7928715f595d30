package org.teachbox.teacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The teacher's sign-in is accepted from our own page only: the right password posted by another
 * site (or with no origin at all) is refused before it is checked, so no page elsewhere can sign
 * a teacher's browser in or out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "teachbox.data-dir=target/test-data/sign-in-origin-${random.uuid}", "teachbox.teacher.password=classroom-secret"})
class SignInOriginTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theRightPasswordFromAnotherSiteIsRefusedAndFromOurPageSignsIn() throws Exception {
        assertThat(signIn(null).statusCode()).as("no Origin, no Referer").isEqualTo(403);
        assertThat(signIn("https://evil.example").statusCode()).as("another site").isEqualTo(403);
        HttpResponse<Void> ours = signIn("http://localhost:" + port);
        assertThat(ours.statusCode()).isEqualTo(302);
        assertThat(ours.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/teacher"));
    }

    private HttpResponse<Void> signIn(String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/teacher/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=Ms+Chen&password=classroom-secret"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
