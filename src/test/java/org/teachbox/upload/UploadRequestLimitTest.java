package org.teachbox.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A browser past its upload requests in flight is answered 429 at once, before its body is read;
 * another browser, and the same browser once its uploads are done, go on.
 */
class UploadRequestLimitTest {

    private final UploadRequestLimit limit = new UploadRequestLimit(2);

    @Test
    void theThirdUploadAtOnceFromOneBrowserIsRefusedWithAReasonAndOthersGoOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> held = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                held.add(pool.submit(() -> upload("leo", () -> {
                    inside.countDown();
                    release.await(10, TimeUnit.SECONDS);
                })));
            }
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            MockHttpServletResponse third = new MockHttpServletResponse();
            boolean[] reached = {false};
            limit.doFilter(request("leo"), third, (rq, rs) -> reached[0] = true);
            assertThat(reached[0]).as("the body of the third is never read").isFalse();
            assertThat(third.getStatus()).isEqualTo(429);
            assertThat(third.getContentAsString()).contains("\"error\":\"busy\"");
            assertThat(upload("mia", () -> { })).as("another browser").isEqualTo(200);

            release.countDown();
            for (Future<Integer> f : held) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(upload("leo", () -> { })).as("leo, once his uploads are done").isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private int upload(String cookie, Work work) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request(cookie), response, (rq, rs) -> {
            try {
                work.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return response.getStatus();
    }

    private static MockHttpServletRequest request(String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload/" + java.util.UUID.randomUUID());
        request.setCookies(new Cookie("teachbox_owner", cookie));
        return request;
    }
}
