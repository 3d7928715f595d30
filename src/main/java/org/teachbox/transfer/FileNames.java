package org.teachbox.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names that every computer accepts as a file or folder name. A class may be called "cat/dog" or
 * "why?", which Windows or a Mac cannot store as a folder; the zip uses a tidied name and
 * teachbox.json remembers the real one. Letters of every script (猫, 數字) are kept.
 */
final class FileNames {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]");
    private static final Pattern RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");
    private static final int MAX = 60;

    private FileNames() {
    }

    /** "Cats & dogs" → "Cats & dogs.zip"; a name with nothing usable left → "teachbox-project.zip". */
    static String zipName(String projectName) {
        return safe(projectName, "teachbox-project") + ".zip";
    }

    /**
     * One folder name per class, unique even on a disk that ignores upper and lower case. "test"
     * is kept for the test pictures, so a class called "test" gets "test (2)".
     */
    static List<String> folders(List<String> classNames) {
        List<String> folders = new ArrayList<>();
        Set<String> taken = new HashSet<>(Set.of(ArchiveLayout.TEST_FOLDER));
        for (int i = 0; i < classNames.size(); i++) {
            String base = safe(classNames.get(i), "class-" + (i + 1));
            String folder = base;
            for (int n = 2; !taken.add(folder.toLowerCase(Locale.ROOT)); n++) {
                folder = base + " (" + n + ")";
            }
            folders.add(folder);
        }
        return folders;
    }

    static String safe(String name, String fallback) {
        String safe = FORBIDDEN.matcher(name == null ? "" : name).replaceAll("_").strip().replaceAll("\\s+", " ");
        safe = safe.replaceAll("^[. ]+|[. ]+$", "");
        if (safe.codePointCount(0, safe.length()) > MAX) {
            safe = safe.substring(0, safe.offsetByCodePoints(0, MAX)).strip();
        }
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '_')) {
            return fallback;
        }
        return RESERVED.matcher(safe).matches() ? "_" + safe : safe;
    }
}
