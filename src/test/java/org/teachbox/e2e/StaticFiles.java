package org.teachbox.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny web server for test pages, on a free port of localhost: the exported model files, the
 * npm libraries and a page, all from one origin, as a teacher's own web space would serve them.
 */
final class StaticFiles implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Supplier<byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    StaticFiles() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Supplier<byte[]> file = files.get(path);
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = file.get();
            exchange.getResponseHeaders().set("Content-Type", types.getOrDefault(path, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    StaticFiles put(String path, String type, byte[] bytes) {
        files.put(path, () -> bytes);
        types.put(path, type);
        return this;
    }

    StaticFiles put(String path, String type, Path file) {
        files.put(path, () -> {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        types.put(path, type);
        return this;
    }

    String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
