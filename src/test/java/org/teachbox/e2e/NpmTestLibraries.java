package org.teachbox.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * The browser libraries the export tests load a model with, from npm as a user's page would get
 * them: src/test/js/package.json with its committed lockfile. {@code npm ci} runs once, when
 * node_modules is missing or older than the lockfile, so a fresh machine installs what the test
 * needs and a second run is offline. Nothing here is served by the app itself.
 */
final class NpmTestLibraries {

    static final Path DIR = Paths.get("src", "test", "js").toAbsolutePath();
    static final Path MODULES = DIR.resolve("node_modules");

    private NpmTestLibraries() {
    }

    static synchronized Path installed() throws IOException, InterruptedException {
        Path lock = DIR.resolve("package-lock.json");
        Path stamp = MODULES.resolve(".package-lock.json");
        if (Files.isRegularFile(stamp)
                && Files.getLastModifiedTime(stamp).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
            return MODULES;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline")
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(Paths.get("target", "npm-ci-test-js.log").toAbsolutePath().toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + DIR + " failed; see target/npm-ci-test-js.log");
        }
        return MODULES;
    }

    static Path file(String relative) throws IOException, InterruptedException {
        Path file = installed().resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing after npm ci");
        }
        return file;
    }
}
