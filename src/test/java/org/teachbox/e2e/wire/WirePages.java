package org.teachbox.e2e.wire;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Single steps on the real pages over Vaadin's protocol, for benches that play one page at a time
 * (bench/abuse.sh): join a classroom, open one as the teacher, make a project, keep clicking.
 */
public final class WirePages {

    private static final Duration STEP = Duration.ofSeconds(60);
    private static final WireSession.Trips NONE = (what, ms) -> { };

    private WirePages() {
    }

    /** One try on the join page; "" when it went through, else what the page says. */
    public static String join(URI base, String code, String name, String pin, WireSession.From from)
            throws IOException, InterruptedException {
        try (WireSession page = WireSession.open(base, "join/" + code, "en", NONE, from)) {
            page.change("join-name", "value", name, "change");
            page.change("join-pin", "value", pin, "change");
            page.click("join-button");
            return page.read(t -> t.byId("join-problem").map(n -> t.text(n.id)).orElse("")).strip();
        }
    }

    /** A teacher already signed in (its cookies in {@code from}) opens a classroom; returns its join code. */
    public static String openClassroom(URI base, String name, WireSession.From from) throws IOException, InterruptedException {
        try (WireSession teacher = WireSession.open(base, "teacher", "en", NONE, from)) {
            teacher.change("classroom-name", "value", name, "change");
            teacher.click("open-classroom");
            return teacher.await("the join code", t -> t.byId("join-code-big").map(n -> t.text(n.id).strip())
                    .filter(c -> c.length() == 6).orElse(null), STEP);
        }
    }

    /** Creates a project on the start page; returns its first class's upload address. */
    public static String newProjectUploadEndpoint(URI base, String name, WireSession.From from)
            throws IOException, InterruptedException {
        try (WireSession page = WireSession.open(base, "", "en", NONE, from)) {
            page.change("new-project-name", "value", name, "change");
            page.click("create-project");
            return page.await("the uploader", t -> t.byId("class-0")
                    .flatMap(n -> t.find(n.id, u -> u.tag().equals("picture-uploader") && u.attribute("endpoint") != null))
                    .map(u -> u.attribute("endpoint")).orElse(null), STEP);
        }
    }

    /** A classmate: creates a project, then adds a class every half second while {@code going}; trips timed. */
    public static void keepAddingClasses(URI base, WireSession.From from, WireSession.Trips trips, BooleanSupplier going)
            throws IOException, InterruptedException {
        try (WireSession page = WireSession.open(base, "", "en", trips, from)) {
            page.change("new-project-name", "value", "Calm", "change");
            page.click("create-project");
            page.await("the new project", t -> t.byId("add-class").orElse(null), STEP);
            while (going.getAsBoolean()) {
                page.click("add-class");
                Thread.sleep(500);
            }
        }
    }
}
