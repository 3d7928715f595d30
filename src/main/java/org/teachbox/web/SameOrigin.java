package org.teachbox.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request came from one of our own pages. The upload endpoint and the teacher's sign-in
 * are left out of Spring's CSRF token check (see upload/UploadController and
 * teacher/SignInOriginCheck); this is their guard instead: a browser always
 * names the page's origin on a cross-site POST, and a script on another site cannot change it.
 * The host we compare with is the one the browser used (the Host header), so it holds behind the
 * school's proxy too, named or not.
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean check(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            // Origin is sent by every current browser on a POST; an old one may send only Referer.
            origin = request.getHeader("Referer");
            if (origin == null) {
                return false;
            }
        }
        return sameSite(origin, request.getHeader("Host"), request.getServerName(), request.getServerPort());
    }

    /**
     * The page's origin names the host the browser asked for. The scheme is not compared: behind a
     * proxy that ends HTTPS (named or not) the request reaches us as plain HTTP from the same page.
     * The port is compared when the Host header gives one.
     */
    static boolean sameSite(String origin, String hostHeader, String serverName, int serverPort) {
        URI page;
        URI asked;
        try {
            page = URI.create(origin.strip());
            asked = URI.create("http://" + (hostHeader == null || hostHeader.isBlank() ? serverName + ":" + serverPort : hostHeader.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (page.getHost() == null || asked.getHost() == null || !page.getHost().equalsIgnoreCase(asked.getHost())) {
            return false;
        }
        return asked.getPort() == -1 || asked.getPort() == portOf(page);
    }

    private static int portOf(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
