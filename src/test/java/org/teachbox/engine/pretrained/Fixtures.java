package org.teachbox.engine.pretrained;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the tests find their files, and a small JSON writer so that a test can rewrite a
 * model.json it has parsed with {@link Json}.
 *
 * <p>The real backbone is never committed: {@code TestBackbones.real()} says where it is looked
 * for, and when its tests are skipped or required.
 */
final class Fixtures {
    private Fixtures() {}

    static Path backboneDir() {
        return org.teachbox.pretrained.TestBackbones.real();
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/pretrained/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tiny;

    /**
     * The tiny TF.js model of make_fixtures.py as a folder the loader reads: its model.json and
     * expected.json, and its three shard files written from shards.json (its 366 random numbers
     * as text), so no weight file is ever committed.
     */
    static synchronized Path tiny() {
        if (tiny != null) {
            return tiny;
        }
        try {
            Path source = resource("tiny");
            Path dir = Files.createTempDirectory("tiny-model");
            Files.copy(source.resolve("model.json"), dir.resolve("model.json"));
            Files.copy(source.resolve("expected.json"), dir.resolve("expected.json"));
            Map<String, Object> shards = readJson(source.resolve("shards.json"));
            for (Map.Entry<String, Object> shard : shards.entrySet()) {
                List<Object> values = Json.array(shard.getValue(), shard.getKey());
                java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(values.size() * 4)
                        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                for (Object v : values) {
                    bytes.putFloat((float) Json.number(v, shard.getKey()));
                }
                Files.write(dir.resolve(shard.getKey()), bytes.array());
            }
            tiny = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A writable copy of a model folder. */
    static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> readJson(Path file) throws IOException {
        return Json.object(Json.parse(Files.readString(file), file.toString()), file.toString());
    }

    static void writeJson(Path file, Object value) throws IOException {
        StringBuilder out = new StringBuilder();
        write(value, out);
        Files.writeString(file, out);
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep);
                write(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
                sep = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Double d) {
            out.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : d.toString());
        } else {
            out.append(value); // true, false, Json.NULL prints as null
        }
    }
}
