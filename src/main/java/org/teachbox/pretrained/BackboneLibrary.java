package org.teachbox.pretrained;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.teachbox.engine.pretrained.Backbone;

/**
 * Finds and loads the pretrained MobileNetV2 once, at start-up, from {@code teachbox.backbone.dir}
 * (env {@code TEACHBOX_BACKBONE_DIR}, default {@code <data dir>/backbone}). The folder may hold
 * the files {@code scripts/get-backbone.sh} fetched, any Teachable Machine image export a teacher
 * unpacked there (also one folder down), or such an export still zipped. Without a usable file
 * the app still starts: photo projects then use the small network, and the projects page says
 * what is missing and how to add it.
 */
@Component
public class BackboneLibrary {

    private static final Logger log = LoggerFactory.getLogger(BackboneLibrary.class);
    /** A TM export is about 2 MB; anything far bigger in a dropped zip is not one. */
    private static final long MAX_UNZIPPED_BYTES = 64L << 20;
    private static final int MAX_ZIP_ENTRIES = 64;

    private final Path dir;
    private final Availability availability;

    BackboneLibrary(@Value("${teachbox.backbone.dir:${teachbox.data-dir-resolved}/backbone}") String dir) {
        this.dir = Path.of(dir).toAbsolutePath().normalize();
        this.availability = load(this.dir);
        if (availability.backbone().isPresent()) {
            Backbone b = availability.backbone().get();
            log.info("Pretrained backbone loaded from {} ({} parameters, id {})", availability.from(),
                    b.parameterCount(), b.fingerprint());
        } else {
            log.warn("No pretrained backbone in {} ({}); photo projects use the small network. "
                    + "Run scripts/get-backbone.sh or drop a Teachable Machine image export there.", this.dir,
                    availability.problem());
        }
    }

    public Optional<Backbone> backbone() {
        return availability.backbone();
    }

    public boolean isAvailable() {
        return availability.backbone().isPresent();
    }

    /** The folder the loaded backbone's model.json and weight files are in, when one is loaded. */
    public Optional<Path> source() {
        return availability.backbone().map(b -> availability.from());
    }

    /** The folder an admin installs the backbone into. */
    public Path directory() {
        return dir;
    }

    /** What went wrong when there is no backbone: "missing", or the loader's reason. */
    public String problem() {
        return availability.problem();
    }

    private static Availability load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Availability.missing(dir, "missing");
        }
        String problem = "missing";
        for (Path candidate : candidates(dir)) {
            try {
                return new Availability(Optional.of(Backbone.load(candidate)), candidate, "");
            } catch (IOException | RuntimeException e) {
                log.warn("Cannot use {} as the pretrained backbone: {}", candidate, e.getMessage());
                problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        return Availability.missing(dir, problem);
    }

    /** The folder itself, its sub-folders and unpacked zips, each holding a model.json. */
    private static List<Path> candidates(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> list = children.sorted().toList();
            Stream<Path> folders = list.stream().filter(Files::isDirectory);
            Stream<Path> zips = list.stream()
                    .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip"))
                    .map(BackboneLibrary::unzipped)
                    .flatMap(Optional::stream);
            return Stream.concat(Stream.of(dir), Stream.concat(folders, zips))
                    .filter(p -> Files.isRegularFile(p.resolve("model.json")))
                    .distinct()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Unpacks a dropped export next to it, once. Only plain file names are taken (no folders,
     * so no path can climb out), and the sizes are bounded before anything is written.
     */
    private static Optional<Path> unzipped(Path zip) {
        String name = zip.getFileName().toString();
        Path target = zip.resolveSibling("." + name.substring(0, name.length() - 4) + "-unzipped");
        if (Files.isRegularFile(target.resolve("model.json"))) {
            return Optional.of(target);
        }
        Path partial = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.size() > MAX_ZIP_ENTRIES) {
                throw new IOException("too many entries");
            }
            long total = 0;
            partial = Files.createTempDirectory(zip.getParent(), ".unzip");
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String entry = e.getName();
                String base = entry.substring(entry.lastIndexOf('/') + 1);
                if (e.isDirectory() || base.isEmpty() || base.startsWith(".") || base.contains("\\")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(e)) {
                    long left = MAX_UNZIPPED_BYTES - total;
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, left + 1));
                    total += bytes.length;
                    if (total > MAX_UNZIPPED_BYTES) {
                        throw new IOException("unpacks to more than " + (MAX_UNZIPPED_BYTES >> 20) + " MB");
                    }
                    Files.write(partial.resolve(base), bytes);
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(target);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot unpack {}: {}", zip, e.getMessage());
            deleteQuietly(partial);
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            log.debug("Could not remove {}", folder, e);
        }
    }

    private record Availability(Optional<Backbone> backbone, Path from, String problem) {
        static Availability missing(Path dir, String problem) {
            return new Availability(Optional.empty(), dir, problem);
        }
    }
}
