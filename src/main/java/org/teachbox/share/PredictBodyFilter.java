package org.teachbox.share;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a predict call's body a picture, whatever its content type claims.
 * {@code curl --data-binary @photo.jpg URL} labels the bytes {@code application/x-www-form-urlencoded};
 * left alone, the servlet container would parse the photo as form fields the first time anything
 * asks for a parameter (and refuse a big one with its own HTML page). Here such a body is shown to
 * the rest of the chain as {@code application/octet-stream}, with the query string as the only
 * parameters, so the controller reads the raw bytes and the picture's format is taken from them.
 * Multipart forms are left as they are.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PredictBodyFilter extends OncePerRequestFilter {

    private static final Pattern PREDICT = Pattern.compile("/api/v1/models/[^/]+/predict/?");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith(FORM)
                || !PREDICT.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new RawBody(request), response);
    }

    /** The request as a plain body of bytes: no form content type, no parameters from the body. */
    private static final class RawBody extends HttpServletRequestWrapper {
        private final Map<String, String[]> query;

        RawBody(HttpServletRequest request) {
            super(request);
            this.query = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString())
                    .build().getQueryParams().entrySet().stream()
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                            e -> e.getValue().stream().map(v -> v == null ? "" : v).toArray(String[]::new)));
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getHeader(String name) {
            return "content-type".equalsIgnoreCase(name) ? getContentType() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "content-type".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(getContentType()))
                    : super.getHeaders(name);
        }

        @Override
        public String getParameter(String name) {
            String[] values = query.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return query.get(name);
        }
    }
}
