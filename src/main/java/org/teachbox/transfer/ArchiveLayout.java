package org.teachbox.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.teachbox.project.ModelKind;
import org.teachbox.project.Names;
import org.teachbox.project.ProjectLimits;
import org.teachbox.project.ProjectRuleException;

/**
 * Finds the classes in a project file, whoever made it:
 * <ul>
 *   <li>Teachbox: {@code teachbox.json} names the classes, in order, and their folders;</li>
 *   <li>Teachable Machine (.tm): {@code manifest.json} and flat pictures named
 *   {@code <class>-!-<n>.jpg};</li>
 *   <li>a teacher's zip: one folder per class, in name order.</li>
 * </ul>
 * A Teachbox file also keeps each class's test pictures in {@code test/<class folder>/}; older files
 * simply have none. Any of them may sit inside one top folder (what "Compress folder" makes). Class names obey the
 * same rules as typed ones, and the project limits are checked here, before any picture is decoded.
 */
final class ArchiveLayout {

    static final String TM_SEPARATOR = "-!-";
    /** Where a Teachbox file keeps test pictures; no class folder is called this (see FileNames). */
    static final String TEST_FOLDER = "test";
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    /** {@code tests}: the class's test pictures, which are never trained on. */
    record ClassFolder(String name, List<SafeZip.Item> files, List<SafeZip.Item> tests) {
        ClassFolder(String name, List<SafeZip.Item> files) {
            this(name, files, List.of());
        }
    }

    /** {@code projectName} and {@code kind} are null when the file does not say. */
    record Layout(String projectName, ModelKind kind, List<ClassFolder> classes, List<SafeZip.Item> loose) {
    }

    private ArchiveLayout() {
    }

    static Layout of(SafeZip zip, ProjectLimits limits) throws IOException {
        String top = topFolder(zip.files());
        List<SafeZip.Item> files = top == null ? zip.files() : zip.files().stream()
                .map(f -> new SafeZip.Item(f.entry(), f.segments().subList(1, f.segments().size()))).toList();
        SafeZip.Item teachbox = rootFile(files, TeachboxManifest.FILE);
        SafeZip.Item tmManifest = rootFile(files, TeachboxManifest.TeachableMachine.FILE);
        boolean tm = teachbox == null && tmManifest != null
                && files.stream().anyMatch(f -> f.segments().size() == 1 && f.fileName().contains(TM_SEPARATOR));

        TeachboxManifest manifest = teachbox == null ? null
                : TeachboxManifest.parse(zip.read(teachbox, MAX_MANIFEST_BYTES));
        if (tm) {
            String type = TeachboxManifest.TeachableMachine.parse(zip.read(tmManifest, MAX_MANIFEST_BYTES)).type();
            if (type != null && !type.equalsIgnoreCase("image")) {
                throw new ProjectFileException("transfer.error.tm-not-image", Shown.of(type));
            }
        }

        Map<String, List<SafeZip.Item>> byFolder = new LinkedHashMap<>();
        Map<String, List<SafeZip.Item>> tests = new LinkedHashMap<>();
        List<SafeZip.Item> loose = new ArrayList<>();
        for (SafeZip.Item f : files) {
            if (f == teachbox || (tm && f == tmManifest)) {
                continue;
            }
            if (manifest != null && isTestPicture(f, manifest)) {
                tests.computeIfAbsent(f.segments().get(1), k -> new ArrayList<>()).add(f);
                continue;
            }
            String folder = f.segments().size() > 1 ? f.segments().getFirst()
                    : tm && f.fileName().contains(TM_SEPARATOR)
                    ? f.fileName().substring(0, f.fileName().lastIndexOf(TM_SEPARATOR)) : null;
            if (folder == null) {
                loose.add(f);
            } else {
                byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(f);
            }
        }

        List<ClassFolder> classes = classes(manifest, byFolder, tests, tm);
        check(classes, limits);
        return new Layout(manifest != null ? manifest.name() : top, kind(manifest, tm), classes, loose);
    }

    /** Classes in the file's own order: as listed in teachbox.json, as stored in a .tm, else by name. */
    private static List<ClassFolder> classes(TeachboxManifest manifest, Map<String, List<SafeZip.Item>> byFolder,
                                             Map<String, List<SafeZip.Item>> tests, boolean tm) {
        List<ClassFolder> classes = new ArrayList<>();
        Map<String, List<SafeZip.Item>> rest = new LinkedHashMap<>(byFolder);
        if (manifest != null) {
            for (TeachboxManifest.ClassEntry c : manifest.classes()) {
                List<SafeZip.Item> files = rest.remove(c.folder());
                classes.add(new ClassFolder(c.name() == null ? c.folder() : c.name(), files == null ? List.of() : files,
                        tests.getOrDefault(c.folder(), List.of())));
            }
        }
        List<String> folders = new ArrayList<>(rest.keySet());
        if (!tm) {
            folders.sort(String.CASE_INSENSITIVE_ORDER);
        }
        folders.forEach(folder -> classes.add(new ClassFolder(folder, rest.get(folder))));
        return classes;
    }

    private static void check(List<ClassFolder> classes, ProjectLimits limits) {
        if (classes.isEmpty()) {
            throw new ProjectFileException("transfer.error.no-classes");
        }
        if (classes.size() > limits.maxClasses()) {
            throw new ProjectFileException("transfer.error.too-many-classes", classes.size(), limits.maxClasses());
        }
        Set<String> seen = new HashSet<>();
        for (ClassFolder c : classes) {
            String name = className(c.name(), limits);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new ProjectFileException("transfer.error.class-duplicate", Shown.of(name));
            }
            // test pictures have their own shelf, with the same limit as the training pictures
            for (List<SafeZip.Item> shelf : List.of(c.files(), c.tests())) {
                if (shelf.size() > limits.maxImagesPerClass()) {
                    throw new ProjectFileException("transfer.error.too-many-pictures",
                            Shown.of(c.name()), shelf.size(), limits.maxImagesPerClass());
                }
            }
        }
    }

    /** A folder name as a class name, under the rules for typed names, with the folder named in the refusal. */
    static String className(String folder, ProjectLimits limits) {
        try {
            return Names.clean(folder, limits.maxNameLength());
        } catch (ProjectRuleException e) {
            String why = switch (e.messageKey()) {
                case "rule.name.empty" -> "transfer.error.class-name.empty";
                case "rule.name.too-long" -> "transfer.error.class-name.too-long";
                default -> "transfer.error.class-name.invalid";
            };
            throw new ProjectFileException(why, Shown.of(folder), limits.maxNameLength());
        }
    }

    /** test/&lt;folder&gt;/&lt;file&gt;, where the folder is one the manifest names. */
    private static boolean isTestPicture(SafeZip.Item f, TeachboxManifest manifest) {
        List<String> s = f.segments();
        return s.size() == 3 && s.getFirst().equals(TEST_FOLDER)
                && manifest.classes().stream().anyMatch(c -> c.folder().equals(s.get(1)));
    }

    private static ModelKind kind(TeachboxManifest manifest, boolean tm) {
        if (manifest != null && manifest.kind() != null) {
            for (ModelKind k : ModelKind.values()) {
                if (k.name().equals(manifest.kind())) {
                    return k;
                }
            }
        }
        // Teachable Machine's image projects are the pretrained recipe
        return tm ? ModelKind.PRETRAINED : null;
    }

    /**
     * The one folder everything sits in, if there is one: every file is at least two folders deep
     * inside it, apart from a project description. "cat/1.jpg" alone is a class, not a top folder.
     */
    private static String topFolder(List<SafeZip.Item> files) {
        if (files.isEmpty() || files.getFirst().segments().size() < 2) {
            return null;
        }
        String top = files.getFirst().segments().getFirst();
        boolean deep = false;
        for (SafeZip.Item f : files) {
            List<String> s = f.segments();
            if (s.size() < 2 || !s.getFirst().equals(top)) {
                return null;
            }
            if (s.size() >= 3) {
                deep = true;
            } else if (!s.get(1).equals(TeachboxManifest.FILE) && !s.get(1).equals(TeachboxManifest.TeachableMachine.FILE)) {
                return null;
            }
        }
        return deep ? top : null;
    }

    private static SafeZip.Item rootFile(List<SafeZip.Item> files, String name) {
        return files.stream().filter(f -> f.segments().size() == 1 && f.fileName().equals(name)).findFirst().orElse(null);
    }
}
