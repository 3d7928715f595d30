package org.teachbox.pretrained;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.teachbox.export.SyntheticBackbone;

/**
 * Which backbone a test runs on. Two kinds of machine run the suite: CI, with Teachable
 * Machine's real export in {@code ../shared/backbones}, and a fresh clone, which has nothing.
 * <ul>
 *   <li>{@link #real()}: a backbone with ImageNet's weights, for tests whose answer depends on
 *   what the network has learned (held-out accuracy, agreement with reference numbers). It is the
 *   first folder holding a model.json of: {@code -Dteachbox.test.backbone}, the environment
 *   variable {@code TEACHBOX_BACKBONE_TEST_DIR}, {@code ../shared/backbones/tm-export-a}, and
 *   {@code data/backbone}, where {@code scripts/get-backbone.sh} puts its download
 *   ({@code -Dteachbox.test.backbone=none} looks nowhere, as on a fresh clone). Without one
 *   the test is skipped with one line, unless {@code TEACHBOX_REQUIRE_BACKBONE} is set (CI sets
 *   it), where it fails.</li>
 *   <li>{@link #forStructure()}: the real one when there is one, else {@link SyntheticBackbone},
 *   a random-weight MobileNetV2 of the same shape made once per run in
 *   {@code target/synthetic-backbone}, for tests of loading, plumbing, export layout and pages.</li>
 * </ul>
 */
public final class TestBackbones {
    private TestBackbones() {}

    static final Path SYNTHETIC = Path.of("target", "synthetic-backbone");
    private static final long SEED = 20261207L;

    /** The candidates for a real backbone, in the order they are tried. */
    static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String property = System.getProperty("teachbox.test.backbone");
        if ("none".equals(property)) {
            return out; // -Dteachbox.test.backbone=none: run as a fresh clone does, on the synthetic one
        }
        if (property != null && !property.isBlank()) {
            out.add(Path.of(property));
        }
        String env = System.getenv("TEACHBOX_BACKBONE_TEST_DIR");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env));
        }
        out.add(Path.of("..", "shared", "backbones", "tm-export-a"));
        out.add(Path.of("data", "backbone"));
        return out;
    }

    public static Optional<Path> findReal() {
        return candidates().stream().filter(d -> Files.isRegularFile(d.resolve("model.json"))).findFirst()
                .map(d -> d.toAbsolutePath().normalize());
    }

    /** A backbone with ImageNet's weights, or the test is skipped (failed where one is required). */
    public static Path real() {
        Optional<Path> found = findReal();
        if (found.isEmpty()) {
            String why = "no real backbone (looked in " + candidates() + "); run scripts/get-backbone.sh or set"
                    + " -Dteachbox.test.backbone=DIR";
            if (System.getenv("TEACHBOX_REQUIRE_BACKBONE") != null) {
                Assertions.fail(why + "; TEACHBOX_REQUIRE_BACKBONE is set, so this test may not be skipped");
            }
            Assumptions.abort("skipped, needs ImageNet weights: " + why);
        }
        return found.get();
    }

    public static boolean hasReal() {
        return findReal().isPresent();
    }

    /** The real backbone when there is one, else the synthetic one (made on first use). */
    public static synchronized Path forStructure() {
        return findReal().orElseGet(TestBackbones::synthetic);
    }

    /** The random-weight MobileNetV2, made once per build. */
    public static synchronized Path synthetic() {
        Path dir = SYNTHETIC.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("metadata.json"))) {
            try {
                Path partial = Files.createDirectories(dir.resolveSibling("synthetic-backbone.partial-" + ProcessHandle.current().pid()));
                SyntheticBackbone.write(partial, SEED);
                try {
                    Files.move(partial, dir);
                } catch (IOException raced) { // another test JVM made it first
                    for (String name : new String[] {"model.json", "weights.bin", "metadata.json"}) {
                        Files.deleteIfExists(partial.resolve(name));
                    }
                    Files.deleteIfExists(partial);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
