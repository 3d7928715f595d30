package org.teachbox.transfer;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.springframework.util.unit.DataSize;

/**
 * A zip from an untrusted learner, opened so that it cannot hurt the server. Everything that can
 * be judged from the central directory is judged before a single byte is inflated: the declared
 * entry count, names (UTF-8 only; no "..", no absolute paths), symbolic links, zips inside the zip
 * and the total size the entries claim. Reading then counts the bytes that really come out, since
 * a header may lie about them, and stops at the same limit. System litter (__MACOSX, .DS_Store,
 * Thumbs.db) is skipped without a word: it is not the learner's doing.
 */
final class SafeZip implements Closeable {

    /** A generous central-directory record: 46 fixed bytes, a long name and a few extra fields. */
    private static final long DIRECTORY_BYTES_PER_ENTRY = 1024;
    private static final int UNIX_FILE_TYPE = 0170000;
    private static final int UNIX_SYMLINK = 0120000;
    private static final Set<String> ARCHIVES = Set.of("zip", "tm", "jar", "war", "apk", "docx", "xlsx", "pptx");
    private static final Set<String> LITTER = Set.of("thumbs.db", "desktop.ini", "__macosx");

    private final ZipFile zip;
    private final List<Item> files;
    private final long maxUnpacked;
    private long unpacked;

    /** One file inside the zip, with its path split into folders (already checked and NFC-normalised). */
    record Item(ZipArchiveEntry entry, List<String> segments) {
        String path() {
            return String.join("/", segments);
        }

        String fileName() {
            return segments.getLast();
        }
    }

    private SafeZip(ZipFile zip, List<Item> files, long maxUnpacked) {
        this.zip = zip;
        this.files = files;
        this.maxUnpacked = maxUnpacked;
    }

    static SafeZip open(Path file, long maxUnpacked, int maxEntries) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            ZipDirectoryEnd end = ZipDirectoryEnd.read(channel);
            if (end == null) {
                throw new ProjectFileException("transfer.error.not-a-zip");
            }
            if (end.entries() > maxEntries || end.directorySize() > maxEntries * DIRECTORY_BYTES_PER_ENTRY + 65_536) {
                throw new ProjectFileException("transfer.error.too-many-files", maxEntries);
            }
        }
        ZipFile zip;
        try {
            zip = ZipFile.builder().setPath(file).setCharset(StandardCharsets.UTF_8)
                    .setUseUnicodeExtraFields(false).setIgnoreLocalFileHeader(true).get();
        } catch (IOException | RuntimeException e) {
            throw new ProjectFileException("transfer.error.broken-zip");
        }
        try {
            return new SafeZip(zip, check(zip, maxUnpacked, maxEntries), maxUnpacked);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The files worth looking at, in the order they are stored. */
    List<Item> files() {
        return files;
    }

    /**
     * Inflates at most {@code maxBytes + 1} bytes of one file (one more than allowed, so the caller
     * can tell "too big"), counting them against the limit for the whole zip.
     */
    byte[] read(Item item, int maxBytes) throws IOException {
        int limit = maxBytes + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, Math.max(item.entry().getSize(), 8192)));
        byte[] buffer = new byte[65_536];
        try (InputStream in = zip.getInputStream(item.entry())) {
            while (out.size() < limit) {
                int n = in.read(buffer, 0, Math.min(buffer.length, limit - out.size()));
                if (n < 0) {
                    break;
                }
                unpacked += n;
                if (unpacked > maxUnpacked) {
                    throw new ProjectFileException("transfer.error.too-big-unpacked", TransferLimits.text(DataSize.ofBytes(maxUnpacked)));
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static List<Item> check(ZipFile zip, long maxUnpacked, int maxEntries) {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntriesInPhysicalOrder());
        if (entries.size() > maxEntries) {
            throw new ProjectFileException("transfer.error.too-many-files", maxEntries);
        }
        List<Item> files = new ArrayList<>();
        long claimed = 0;
        for (ZipArchiveEntry entry : entries) {
            String name = utf8(entry.getRawName());
            String shown = Shown.of(name);
            if (entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX
                    && (entry.getUnixMode() & UNIX_FILE_TYPE) == UNIX_SYMLINK) {
                throw new ProjectFileException("transfer.error.link", shown);
            }
            List<String> segments = segments(name, shown);
            if (entry.isDirectory() || segments.isEmpty() || isLitter(segments)) {
                continue;
            }
            if (ARCHIVES.contains(extension(segments.getLast()))) {
                throw new ProjectFileException("transfer.error.nested-zip", shown);
            }
            claimed += Math.max(0, entry.getSize());
            if (claimed > maxUnpacked) {
                throw new ProjectFileException("transfer.error.too-big-unpacked",
                        TransferLimits.text(DataSize.ofBytes(maxUnpacked)));
            }
            files.add(new Item(entry, segments));
        }
        return List.copyOf(files);
    }

    /** The raw name bytes, strictly as UTF-8: a name in an old code page would be guessed, not read. */
    private static String utf8(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new ProjectFileException("transfer.error.names-not-utf8");
        }
    }

    /** Splits a path into folders, refusing anything that could point outside the zip's own folder. */
    private static List<String> segments(String name, String shown) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw new ProjectFileException("transfer.error.absolute-path", shown);
        }
        if (path.indexOf('\0') >= 0) {
            throw new ProjectFileException("transfer.error.unsafe-path", shown);
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new ProjectFileException("transfer.error.unsafe-path", shown);
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                // a Mac writes "é" as e + accent; a learner typed one letter
                segments.add(Normalizer.normalize(segment, Normalizer.Form.NFC));
            }
        }
        return segments;
    }

    private static boolean isLitter(List<String> segments) {
        return segments.stream().anyMatch(s -> s.startsWith(".") || LITTER.contains(s.toLowerCase(Locale.ROOT)));
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
