package org.teachbox.e2e.wire;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.teachbox.e2e.LoadTally;

/**
 * One learner of the classroom load bench, played over Vaadin's own protocol ({@link WireSession})
 * instead of a browser: the same lesson, the same pages and the same requests as
 * ClassroomLoadBench's browser learners, at a few milliseconds of CPU per step, so that on a
 * 2-core machine the server, not thirty browser tabs, decides how long a class waits.
 * The picture cards' uploader is played as picture-uploader.ts plays it: at most 24 files per
 * request, 3 requests at a time, then its {@code allSent} call.
 */
public final class WireLearner implements AutoCloseable {

    private static final int FILES_PER_REQUEST = 24;
    private static final int REQUESTS_AT_ONCE = 3;
    private static final Duration STEP = Duration.ofMinutes(2);

    private final LoadTally tally;
    private final String kind;
    private final int index;
    private final List<List<Path>> classes;
    private final List<Path> previews;
    private final WireSession page;
    private volatile String where = "projects";

    private WireLearner(URI base, LoadTally tally, String kind, int index, List<List<Path>> classes, List<Path> previews)
            throws IOException, InterruptedException {
        this.tally = tally;
        this.kind = kind;
        this.index = index;
        this.classes = classes;
        this.previews = previews;
        this.page = WireSession.open(base, "", "en-US", (what, millis) -> tally.trip(where + " " + what, millis));
    }

    /** Opens the start page, as a learner who has the address in front of them. */
    public static WireLearner arrive(URI base, LoadTally tally, String kind, int index, List<List<Path>> classes,
                                     List<Path> previews) throws IOException, InterruptedException {
        WireLearner learner = new WireLearner(base, tally, kind, index, classes, previews);
        learner.page.await("the start page", t -> t.byId("create-project").orElse(null), STEP);
        return learner;
    }

    public void lesson() throws IOException, InterruptedException {
        page.change("new-project-name", "value", "Learner " + index, "change");
        if (!kind.equals("pretrained")) {
            chooseSmallNetwork();
        }
        page.click("create-project");
        where = "gather";
        page.await("the new project", t -> t.byId("add-class").orElse(null), STEP);
        page.click("add-class");
        int classCount = classes.size();
        page.await("a third class", t -> t.byId("class-" + (classCount - 1)).orElse(null), STEP);

        long uploadStart = System.nanoTime();
        upload();
        String full = classes.get(0).size() + " images";
        page.await("all counts at " + full, t -> {
            for (int c = 0; c < classCount; c++) {
                if (!full.equals(count(t, c))) {
                    return false;
                }
            }
            return true;
        }, Duration.ofMinutes(10));
        tally.uploaded((System.nanoTime() - uploadStart) / 1e9);
        int acknowledged = classes.stream().mapToInt(List::size).sum();
        for (String problem : page.read(t -> t.findAll(1, n -> n.hasClass("tb-problem")).stream()
                .map(n -> t.text(n.id)).toList())) {
            tally.error("learner " + index + " upload: " + problem);
        }

        page.click("go-train");
        where = "train";
        page.await("the Train button", t -> t.byId("train-button").orElse(null), STEP);
        long click = System.nanoTime();
        tally.trainClicked(click);
        page.click("train-button");
        long deadline = click + Duration.ofMinutes(15).toNanos();
        while (true) {
            try {
                page.await("the verdict", t -> t.byId("train-verdict").map(n -> t.text(n.id))
                        .filter(text -> text.contains("Training finished")).orElse(null), Duration.ofSeconds(2));
                break;
            } catch (WireSession.WaitTimedOut stillTraining) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no verdict after 15 minutes; the page says: "
                            + page.read(t -> t.byId("train-status").map(n -> t.text(n.id)).orElse("?")));
                }
                toggleAdvanced();
            }
        }
        tally.verdict(kind, click, System.nanoTime());

        where = "preview";
        page.followLink("step-preview");
        String target = page.await("the preview's upload", t -> t.byId("preview-upload")
                .map(n -> address(n.map(UiTree.ATTRIBUTES).get("target"))).orElse(null), STEP);
        for (Path picture : previews) {
            preview(target, picture);
        }

        where = "gather";
        page.followLink("step-gather");
        page.await("the counts", t -> count(t, classCount - 1), STEP);
        int stored = page.read(t -> {
            int sum = 0;
            for (int c = 0; c < classCount; c++) {
                sum += Integer.parseInt(count(t, c).replaceAll("\\D", ""));
            }
            return sum;
        });
        if (stored < acknowledged) {
            tally.lost(acknowledged - stored, "learner " + index + ": " + stored + " of " + acknowledged + " pictures after reopening");
        }
    }

    private void chooseSmallNetwork() throws IOException, InterruptedException {
        String key = page.await("the small network among the kinds", t -> t.byId("new-project-kind")
                .flatMap(select -> t.find(select.id, n -> n.tag().equals("vaadin-select-item")
                        && t.text(n.id).startsWith("Photos, small network")))
                .map(n -> Objects.toString(n.property("value"), null)).orElse(null), STEP);
        String hint = page.read(t -> t.byId("new-project-kind-hint").map(n -> t.text(n.id)).orElse(""));
        page.change("new-project-kind", "value", key, "value-changed");
        // the server took the choice when the line under it tells what the small network teaches
        page.await("the small network's hint", t -> t.byId("new-project-kind-hint")
                .map(n -> !t.text(n.id).equals(hint)).orElse(false), STEP);
    }

    /** Each card's pictures as its uploader sends them; every class's uploader says when its drop is done. */
    private void upload() throws InterruptedException {
        Semaphore inFlight = new Semaphore(REQUESTS_AT_ONCE);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> drops = new ArrayList<>();
            for (int c = 0; c < classes.size(); c++) {
                int card = c;
                UiTree.Node uploader = page.await("the uploader of class " + c, t -> t.byId("class-" + card)
                        .flatMap(n -> t.find(n.id, u -> u.tag().equals("picture-uploader") && u.attribute("endpoint") != null))
                        .orElse(null), STEP);
                String endpoint = uploader.attribute("endpoint");
                List<CompletableFuture<Void>> requests = new ArrayList<>();
                List<Path> files = classes.get(c);
                for (int from = 0; from < files.size(); from += FILES_PER_REQUEST) {
                    List<Path> batch = files.subList(from, Math.min(files.size(), from + FILES_PER_REQUEST));
                    requests.add(CompletableFuture.runAsync(() -> send(inFlight, endpoint, batch, card), senders));
                }
                drops.add(CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).thenRunAsync(() -> {
                    try {
                        page.callServer(uploader.id, "allSent", List.of());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("allSent of class " + card, e);
                    }
                }, senders));
            }
            CompletableFuture.allOf(drops.toArray(CompletableFuture[]::new)).join();
        }
    }

    private void send(Semaphore inFlight, String endpoint, List<Path> batch, int card) {
        try {
            inFlight.acquire();
            try {
                int status = page.postFiles(endpoint, batch);
                if (status != 200) {
                    tally.error("learner " + index + " class " + card + ": upload answered " + status);
                }
            } finally {
                inFlight.release();
            }
        } catch (IOException | InterruptedException e) {
            tally.error("learner " + index + " class " + card + ": " + e);
        }
    }

    /** One picture into Preview: the answer, then where the model looked (or the page's word that it is too busy). */
    private void preview(String target, Path picture) throws IOException, InterruptedException {
        String before = page.read(t -> answers(t));
        Set<Integer> seen = page.read(t -> new HashSet<>(heatMapImages(t)));
        long asked = System.nanoTime();
        int status = page.postFiles(target, List.of(picture));
        if (status != 200) {
            tally.error("learner " + index + " preview: upload answered " + status);
            return;
        }
        page.await("an answer", t -> !answers(t).equals(before), Duration.ofSeconds(60));
        tally.previewAnswer((System.nanoTime() - asked) / 1e6);
        boolean shown = page.await("a heat map", t -> {
            if (heatMapImages(t).stream().anyMatch(id -> !seen.contains(id))) {
                return Boolean.TRUE;
            }
            return t.byId("preview-saliency-busy").or(() -> t.byId("preview-saliency-failed")).isPresent() ? "busy" : null;
        }, Duration.ofSeconds(120)) == Boolean.TRUE;
        if (shown) {
            tally.heatMap((System.nanoTime() - asked) / 1e6);
        } else {
            tally.heatMapRefused();
        }
    }

    private void toggleAdvanced() throws IOException, InterruptedException {
        boolean open = page.read(t -> t.byId("advanced").map(n -> Boolean.TRUE.equals(n.property("opened"))).orElse(false));
        long start = System.nanoTime();
        page.change("advanced", "opened", !open, "opened-changed");
        tally.advanced((System.nanoTime() - start) / 1e6);
    }

    /** A resource address as the server sends it: a plain string, or {uri: ...} for a registered resource. */
    private static String address(Object value) {
        return value instanceof java.util.Map<?, ?> map ? Objects.toString(map.get("uri"), null) : (String) value;
    }

    private static String answers(UiTree t) {
        return t.byId("confidence-bars").map(n -> Objects.toString(n.attribute("data-answers"), "0")).orElse("0");
    }

    private static List<Integer> heatMapImages(UiTree t) {
        return t.byId("preview-saliency").map(s -> t.findAll(s.id, n -> n.tag().equals("img")).stream().map(n -> n.id).toList())
                .orElse(List.of());
    }

    /** The count line of a class card ("30 images"), or null while the card has none. */
    private static String count(UiTree t, int card) {
        return t.byId("class-" + card).flatMap(c -> t.find(c.id, n -> n.hasClass("tb-count"))).map(n -> t.text(n.id))
                .orElse(null);
    }

    @Override
    public void close() {
        page.close();
    }
}
