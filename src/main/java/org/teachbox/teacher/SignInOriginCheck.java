package org.teachbox.teacher;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.teachbox.web.SameOrigin;

/**
 * CSRF protection for the teacher's sign-in. Vaadin's login form posts natively without Spring's
 * token, and Vaadin leaves its processing URL out of the token check; so, as for uploads, the
 * sign-in is accepted only from one of our own pages: a browser names the page's origin on every
 * POST, and another site cannot change it. A sign-in posted from elsewhere gets 403 before any
 * password is looked at.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SignInOriginCheck extends OncePerRequestFilter {

    static final String SIGN_IN = "/teacher/login";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + SIGN_IN);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SameOrigin.check(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }
}
