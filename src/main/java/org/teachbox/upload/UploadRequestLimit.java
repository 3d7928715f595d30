package org.teachbox.upload;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How many upload requests one browser may have on the server at once, counted before the body
 * is read. The Gather page sends at most three at a time; a script that sends two hundred would
 * otherwise hold two hundred of the server's threads while their bodies arrive, and every other
 * learner's click would wait for a thread. Past {@code teachbox.upload.requests-per-browser} (6)
 * the request is answered at once with 429 and a JSON reason, its body unread. A browser is its
 * owner cookie; a request without one counts by its address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // before Spring Security, whose request cache reads parameters (and so the body)
class UploadRequestLimit extends OncePerRequestFilter {

    private final int perBrowser;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    UploadRequestLimit(@Value("${teachbox.upload.requests-per-browser:6}") int perBrowser) {
        this.perBrowser = Math.max(1, perBrowser);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/upload/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String browser = browser(request);
        AtomicInteger mine = inFlight.computeIfAbsent(browser, b -> new AtomicInteger());
        if (mine.incrementAndGet() > perBrowser) {
            leave(browser, mine);
            response.setStatus(429);
            response.setHeader("Retry-After", "2");
            response.setHeader("Connection", "close");
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"busy\",\"message\":\"Too many uploads at once from this browser."
                    + " Wait for the ones on their way, then send the rest.\"}");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            leave(browser, mine);
        }
    }

    private void leave(String browser, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            inFlight.remove(browser, mine);
        }
    }

    private static String browser(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("teachbox_owner".equals(c.getName())) {
                    return "cookie:" + c.getValue();
                }
            }
        }
        return "address:" + request.getRemoteAddr();
    }
}
