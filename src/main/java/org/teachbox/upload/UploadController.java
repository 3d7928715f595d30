package org.teachbox.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.teachbox.web.SameOrigin;
import org.teachbox.BackgroundPriority;
import org.teachbox.owner.Owner;
import org.teachbox.project.ProjectService;
import org.teachbox.project.Shelf;

/**
 * {@code POST /upload/{classId}}: the Gather page's pictures, one or several files per multipart
 * request, outside Vaadin. A Vaadin upload handler runs behind the page's session lock, where
 * every photo queued behind the others and behind server push; here uploads of one learner run
 * side by side, and the decode budget alone bounds how many decode at once. Each file gets its own
 * answer, stored (with its id) or refused with a sentence in the learner's language, and the open
 * page hears the same through {@link UploadFeed}.
 *
 * <p>CSRF: this path is left out of Spring's token check and checks the {@code Origin} header
 * instead ({@link SameOrigin}). vaadin-upload could send a header, but the token Spring expects
 * is not one the Vaadin page holds, and an Origin check needs no token kept in step between the
 * page and the server. Cross-site pages cannot forge Origin, and the owner cookie is SameSite=Lax.
 * Whose class it is: the owner of the request, exactly as for the pictures themselves; a class of
 * someone else answers 404, like a class that does not exist.
 */
@RestController
class UploadController implements DisposableBean {

    /** The answer for one file: {@code id} when stored, {@code reason} when refused. */
    record FileAnswer(String name, boolean stored, String id, String reason) {
    }

    record Answer(List<FileAnswer> files) {
    }

    private final ProjectService projects;
    private final PictureIntake intake;
    private final UploadGate gate;
    private final UploadFeed feed;
    private final Translations translations = new Translations();
    private final ExecutorService decoders;

    /**
     * The decoders run behind the threads that answer clicks ({@link BackgroundPriority}): when a
     * class of 30 drops 2,700 photos at once, a classmate's "Add a class" still comes first.
     */
    UploadController(ProjectService projects, PictureIntake intake, UploadGate gate, UploadFeed feed,
                     BackgroundPriority priority) {
        this.projects = projects;
        this.intake = intake;
        this.gate = gate;
        this.feed = feed;
        ThreadFactory threads = Thread.ofPlatform().name("upload-", 0).daemon().factory();
        this.decoders = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                work -> threads.newThread(() -> {
                    priority.lowerThisThread();
                    work.run();
                }));
    }

    @PostMapping(path = "/upload/{classId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Answer> upload(@PathVariable String classId,
                                  @RequestParam(name = "file", required = false) List<MultipartFile> files,
                                  @RequestParam(name = "shelf", defaultValue = "training") String shelfName,
                                  @RequestParam(name = "to", required = false) String listener,
                                  @RequestParam(name = "lang", required = false) String lang,
                                  HttpServletRequest request) {
        if (!SameOrigin.check(request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String owner = Owner.of(request);
        UUID id = parse(classId);
        if (owner == null || id == null || !projects.hasClass(owner, id)) {
            return ResponseEntity.notFound().build();
        }
        Shelf shelf = "test".equalsIgnoreCase(shelfName) ? Shelf.TEST : Shelf.TRAINING;
        Locale locale = Translations.locale(lang, request.getHeader("Accept-Language"));
        List<MultipartFile> parts = files == null ? List.of() : files;
        List<CompletableFuture<FileAnswer>> answers = new ArrayList<>();
        for (MultipartFile part : parts) {
            answers.add(parts.size() == 1
                    ? CompletableFuture.completedFuture(one(owner, id, shelf, listener, locale, part))
                    : CompletableFuture.supplyAsync(() -> one(owner, id, shelf, listener, locale, part), decoders));
        }
        return ResponseEntity.ok(new Answer(answers.stream().map(CompletableFuture::join).toList()));
    }

    private FileAnswer one(String owner, UUID classId, Shelf shelf, String listener, Locale locale, MultipartFile part) {
        String name = part.getOriginalFilename() == null ? "?" : part.getOriginalFilename();
        Outcome outcome;
        if (part.getSize() > intake.maxBytes()) {
            outcome = intake.tooLarge(name);
        } else {
            try (UploadGate.Pass pass = gate.enter(owner, part.getSize()).orElse(null)) {
                outcome = pass == null ? intake.busy(name) : intake.accept(owner, classId, shelf, name, bytes(part));
            }
        }
        feed.publish(listener, owner, new UploadFeed.Arrived(name, part.getSize(), outcome));
        return outcome.stored() ? new FileAnswer(name, true, outcome.sampleId().toString(), null)
                : new FileAnswer(name, false, null, outcome.sentence(name, (k, a) -> translations.get(locale, k, a)));
    }

    /** A part that cannot be read counts as empty, which the intake refuses by name. */
    private static byte[] bytes(MultipartFile part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A request over the multipart limits never reaches the method: it is too large as a whole. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Void> tooLarge() {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
    }

    @Override
    public void destroy() {
        decoders.shutdownNow();
    }
}
