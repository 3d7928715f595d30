package org.teachbox.owner;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A classroom has no accounts. Each browser gets an unguessable owner token (256 random bits)
 * in an HttpOnly cookie on its first request; projects belong to that token. The token is put
 * on the request so the very first page load already knows its owner. Over HTTPS, or behind a
 * proxy on the school network that says the browser used HTTPS (X-Forwarded-Proto, trusted
 * from private addresses only), the cookie is Secure, so it never travels in clear text. A
 * classroom learner signed in on this session is the owner instead (see {@link Owner}).
 */
@Component
class OwnerTokenFilter extends OncePerRequestFilter {

    static final String COOKIE = "teachbox_owner";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The shared-model API knows its caller by share code only: no owner cookie is handed out there. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = existing(request).orElseGet(() -> {
            String fresh = newToken();
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, fresh)
                    .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/")
                    .maxAge(Duration.ofDays(365)).build().toString());
            return fresh;
        });
        request.setAttribute(Owner.REQUEST_ATTRIBUTE, learnerOf(request).orElse(token));
        request.setAttribute(Owner.BROWSER_ATTRIBUTE, token);
        chain.doFilter(request, response);
    }

    /** A classroom learner signed in on this session works as the learner, not as the browser. */
    private static Optional<String> learnerOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (String) session.getAttribute(Owner.LEARNER_ATTRIBUTE));
    }

    private static Optional<String> existing(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue)
                .filter(OwnerTokenFilter::wellFormed)
                .findFirst();
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
