package org.teachbox.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request came from one of our own pages. The upload endpoint and the teacher's sign-in
 * are left out of Spring's CSRF token check (see upload/UploadController and
 * teacher/SignInOriginCheck); this is their guard instead: a browser always
 * names the page's origin on a cross-site POST, and a script on another site cannot change it.
 * The host we compare with is the one the browser used, also behind the school's proxy
 * (forwarded headers are believed from the proxies the admin names only, see web/TrustedProxies).
 */
public final class SameOrigin {

    private SameOrigin() {
    }

    public static boolean check(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank() || origin.equals("null")) {
            // Origin is sent by every current browser on a POST; an old one may send only Referer.
            String referer = request.getHeader("Referer");
            if (referer == null) {
                return false;
            }
            origin = originOf(referer);
        }
        return ours(request).equalsIgnoreCase(strip(origin));
    }

    private static String ours(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** "http://host:80" and "http://host" are the same origin. */
    private static String strip(String origin) {
        String o = origin.strip();
        if (o.startsWith("http://") && o.endsWith(":80")) {
            return o.substring(0, o.length() - 3);
        }
        if (o.startsWith("https://") && o.endsWith(":443")) {
            return o.substring(0, o.length() - 4);
        }
        return o;
    }
}
