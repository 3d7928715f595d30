package org.teachbox.e2e.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab's worth of Vaadin client, without the browser: it speaks the protocol Vaadin's
 * own client speaks to a Flow server, so a load test can drive thirty learners' real pages (the
 * same views, listeners, session locks, push and upload endpoints) from one small JVM.
 * <ul>
 * <li>Start: {@code GET /} for the cookies, {@code GET /?v-r=init} for the UI, its security key
 * and push id, then the {@code ui-navigate} event a browser sends for its first route.</li>
 * <li>Round trips: {@code POST /?v-r=uidl} with the RPCs, one at a time as the real client sends
 * them, with its security key, the last server message seen and its own message number.</li>
 * <li>Push: the Atmosphere WebSocket at {@code /VAADIN/push}, length-prefixed messages.</li>
 * <li>Every server message, answered or pushed, is applied to the {@link UiTree} strictly in the
 * server's order ({@code syncId}), as the real client does.</li>
 * </ul>
 * What it leaves out is what the browser does on its own: rendering, layout, scripts the server
 * asks to run. A page that needs a script's answer to go on cannot be driven this way.
 */
public final class WireSession implements AutoCloseable {

    /** A finished round trip: what was sent and how long the server took to answer it. */
    public interface Trips {
        void trip(String what, double millis);
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final Duration WAIT_STEP = Duration.ofMillis(250);

    private final URI base;
    private final String language;
    private final HttpClient http;
    private final String forwardedFor;
    private final Trips trips;
    private final UiTree tree = new UiTree();
    private final ReentrantLock sending = new ReentrantLock(true);
    private final TreeMap<Integer, Map<String, Object>> early = new TreeMap<>();
    private final StringBuilder pushed = new StringBuilder();
    private String securityKey;
    private String uiId;
    private int lastSync;
    private int clientId;
    private int promises;
    private WebSocket push;
    private volatile String failure;

    private WireSession(URI base, String language, Trips trips, From from) {
        this.base = base;
        this.language = language;
        this.trips = trips;
        this.forwardedFor = from.forwardedFor();
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(from.cookies() != null ? from.cookies() : new CookieManager()).connectTimeout(Duration.ofSeconds(10));
        if (from.address() != null) {
            builder.localAddress(from.address());
        }
        this.http = builder.build();
    }

    /**
     * Where a session's requests come from: a local address to connect from (one of the loopback
     * range, to play another computer), an X-Forwarded-For header to send (to play a forger), and
     * the cookies of the browser it plays (shared by several pages of one browser). Any may be null.
     */
    public record From(java.net.InetAddress address, String forwardedFor, CookieManager cookies) {
        public static final From HERE = new From(null, null, null);
    }

    /** Opens the page at {@code route} ("" for the start page) as a browser with this language would. */
    public static WireSession open(URI base, String route, String language, Trips trips) throws IOException, InterruptedException {
        return open(base, route, language, trips, From.HERE);
    }

    public static WireSession open(URI base, String route, String language, Trips trips, From from)
            throws IOException, InterruptedException {
        WireSession session = new WireSession(base, language, trips, from);
        session.start(route);
        return session;
    }

    /** Requests with the forged header, when this session plays a forger. */
    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Accept-Language", language);
        return forwardedFor == null ? b : b.header("X-Forwarded-For", forwardedFor);
    }

    @SuppressWarnings("unchecked")
    private void start(String route) throws IOException, InterruptedException {
        get(base.resolve(route));
        String init = get(base.resolve("?v-r=init&location=" + encode(route) + "&query="));
        Map<String, Object> config = (Map<String, Object>) JSON.readValue(init, OBJECT).get("appConfig");
        uiId = String.valueOf(config.get("v-uiId"));
        Map<String, Object> uidl = (Map<String, Object>) config.get("uidl");
        securityKey = (String) uidl.get("Vaadin-Security-Key");
        clientId = ((Number) uidl.get("clientId")).intValue();
        synchronized (tree) {
            tree.apply(uidl);
            lastSync = ((Number) uidl.get("syncId")).intValue();
        }
        connectPush((String) uidl.get("Vaadin-Push-ID"));
        navigate(route);
    }

    // ---- what a learner does

    /** Follows a link (a RouterLink's {@code href}) the way the client's router does. */
    public void followLink(String elementId) throws IOException, InterruptedException {
        String href = await("#" + elementId, t -> t.byId(elementId).map(n -> n.attribute("href")).orElse(null),
                Duration.ofSeconds(30));
        navigate(href);
    }

    public void navigate(String route) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("route", route);
        data.put("query", "");
        data.put("appShellTitle", "");
        data.put("historyState", null);
        data.put("trigger", "");
        send(List.of(event(1, "ui-navigate", data)), "navigate");
    }

    public void click(String elementId) throws IOException, InterruptedException {
        UiTree.Node node = node(elementId);
        Map<String, Object> data;
        synchronized (tree) {
            data = tree.eventData(node, "click");
        }
        send(List.of(event(node.id, "click", data)), elementId + " click");
    }

    /**
     * Sets a property the way a component's element does when the user changes it: the property
     * is synchronised, then the event the server listens to is sent.
     */
    public void change(String elementId, String property, Object value, String event) throws IOException, InterruptedException {
        UiTree.Node node = node(elementId);
        List<Map<String, Object>> rpc = new ArrayList<>();
        Map<String, Object> data;
        synchronized (tree) {
            node.map(UiTree.PROPERTIES).put(property, value);
            for (String synced : tree.synced(node, event)) {
                rpc.add(Map.of("type", "mSync", "node", node.id, "feature", UiTree.PROPERTIES,
                        "property", synced, "value", node.property(synced) == null ? "" : node.property(synced)));
            }
            data = tree.eventData(node, event);
        }
        rpc.add(event(node.id, event, data));
        send(rpc, elementId + " " + event);
    }

    /** A {@code @ClientCallable} method of the component on this node, as {@code this.$server.name(args)} calls it. */
    public void callServer(int nodeId, String method, List<Object> args) throws IOException, InterruptedException {
        Map<String, Object> rpc = new LinkedHashMap<>();
        rpc.put("type", "publishedEventHandler");
        rpc.put("node", nodeId);
        rpc.put("templateEventMethodName", method);
        rpc.put("templateEventMethodArgs", args);
        synchronized (tree) {
            rpc.put("promise", promises++);
        }
        send(List.of(rpc), method);
    }

    /**
     * Posts files as one multipart form (field {@code file}) to an address of the page, as the
     * browser's fetch or vaadin-upload would, Origin header included. Returns the HTTP status.
     */
    public int postFiles(String relativeUrl, List<Path> files) throws IOException, InterruptedException {
        String boundary = "----teachbox" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: " + contentType(file) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(Files.readAllBytes(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = request(base.resolve(relativeUrl))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", origin())
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---- reading the page

    /**
     * Waits until {@code look} finds something in the page (non-null, and not {@code false}),
     * as the page changes with the server's answers and pushes. Throws when it does not come in time.
     */
    public <T> T await(String what, Function<UiTree, T> look, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (tree) {
            while (true) {
                T found = look.apply(tree);
                if (found != null && !Boolean.FALSE.equals(found)) {
                    return found;
                }
                if (failure != null) {
                    throw new IllegalStateException("waiting for " + what + ": " + failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WaitTimedOut("no " + what + " after " + timeout.toSeconds() + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(tree, Math.min(left, WAIT_STEP.toNanos()));
            }
        }
    }

    /** Reads the page without waiting. */
    public <T> T read(Function<UiTree, T> look) {
        synchronized (tree) {
            return look.apply(tree);
        }
    }

    /** Thrown when the page did not get there in time; the session itself is still fine. */
    public static final class WaitTimedOut extends RuntimeException {
        WaitTimedOut(String message) {
            super(message);
        }
    }

    private UiTree.Node node(String elementId) throws InterruptedException {
        return await("#" + elementId, t -> t.byId(elementId).orElse(null), Duration.ofSeconds(60));
    }

    // ---- the protocol

    private static Map<String, Object> event(int node, String event, Map<String, Object> data) {
        Map<String, Object> rpc = new LinkedHashMap<>();
        rpc.put("type", "event");
        rpc.put("node", node);
        rpc.put("event", event);
        rpc.put("data", data);
        return rpc;
    }

    private void send(List<Map<String, Object>> rpc, String what) throws IOException, InterruptedException {
        sending.lock();
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("csrfToken", securityKey);
            body.put("rpc", rpc);
            synchronized (tree) {
                body.put("syncId", lastSync);
            }
            body.put("clientId", clientId);
            HttpRequest request = request(base.resolve("?v-r=uidl&v-uiId=" + uiId))
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            trips.trip(what, (System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IOException(what + ": the server answered " + response.statusCode());
            }
            Map<String, Object> message = message(response.body());
            if (message.get("meta") instanceof Map<?, ?> meta && (meta.containsKey("appError") || meta.containsKey("sessionExpired"))) {
                throw new IOException(what + ": the server said " + meta);
            }
            if (message.get("clientId") instanceof Number next) {
                clientId = next.intValue();
            }
            receive(message);
        } finally {
            sending.unlock();
        }
    }

    private static Map<String, Object> message(String text) {
        String json = text.startsWith("for(;;);") ? text.substring("for(;;);".length()) : text;
        json = json.strip();
        if (json.startsWith("[")) {
            List<Map<String, Object>> all = JSON.readValue(json, new TypeReference<>() { });
            return all.isEmpty() ? Map.of() : all.get(0);
        }
        return JSON.readValue(json, OBJECT);
    }

    /** Applies server messages in the server's order; one that comes early waits for those before it. */
    private void receive(Map<String, Object> message) {
        synchronized (tree) {
            Object sync = message.get("syncId");
            if (!(sync instanceof Number number)) {
                tree.apply(message);
            } else if (number.intValue() > lastSync) {
                early.put(number.intValue(), message);
                while (!early.isEmpty() && early.firstKey() == lastSync + 1) {
                    tree.apply(early.pollFirstEntry().getValue());
                    lastSync++;
                }
            }
            tree.notifyAll();
        }
    }

    private void connectPush(String pushId) {
        String url = base.resolve("VAADIN/push").toString().replaceFirst("^http", "ws")
                + "?v-r=push&v-uiId=" + uiId + "&v-pushId=" + encode(pushId)
                + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=3.1.5-javascript"
                + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                + "&Content-Type=" + encode("application/json; charset=UTF-8") + "&X-atmo-protocol=true";
        String cookies = ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().get(base).stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        push = http.newWebSocketBuilder().header("Cookie", cookies).header("Origin", origin())
                .buildAsync(URI.create(url), new PushListener()).join();
    }

    /** Atmosphere's framing with TrackMessageSize: "length|message", messages may span frames. */
    private final class PushListener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            synchronized (pushed) {
                pushed.append(data);
                while (true) {
                    int bar = pushed.indexOf("|");
                    if (bar < 0) {
                        break;
                    }
                    int length;
                    try {
                        length = Integer.parseInt(pushed.substring(0, bar).strip());
                    } catch (NumberFormatException e) {
                        failure = "push message without a length: " + pushed.substring(0, Math.min(60, pushed.length()));
                        pushed.setLength(0);
                        break;
                    }
                    if (pushed.length() < bar + 1 + length) {
                        break;
                    }
                    String text = pushed.substring(bar + 1, bar + 1 + length);
                    pushed.delete(0, bar + 1 + length);
                    String body = text.strip();
                    if (body.startsWith("{") || body.startsWith("for(;;);") || body.startsWith("[")) {
                        receive(message(body));
                    }
                    // anything else is Atmosphere's own: the handshake or heartbeat padding
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            if (status != WebSocket.NORMAL_CLOSURE) {
                failure = "push closed: " + status + " " + reason;
                synchronized (tree) {
                    tree.notifyAll();
                }
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            failure = "push failed: " + error;
            synchronized (tree) {
                tree.notifyAll();
            }
        }
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(uri)
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(uri + ": " + response.statusCode());
        }
        return response.body();
    }

    private String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg"
                : "application/octet-stream";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (push != null) {
            push.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
            push.abort();
        }
        http.close();
    }
}
