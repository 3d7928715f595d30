package org.teachbox.ui.bias;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.teachbox.bias.CollectionMistakes;
import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.ui.HeatmapImage;
import org.teachbox.ui.HeatmapLegend;
import org.teachbox.ui.layout.PageAccess;

/**
 * The test pictures only the skewed collection's model gets wrong, each with that model's heat
 * map. The heat maps wait their turn in the {@link ExplanationQueue} (each one runs the model
 * dozens of times) and are put on the page when done; a newer request makes an older one stale.
 */
class MistakeGallery extends Div {

    private static final int SHOWN = 8;

    private final Div tiles = new Div();
    private final Paragraph note = new Paragraph();
    private final PageAccess page = new PageAccess(this);
    private volatile int request;

    MistakeGallery() {
        setId("collection-gallery");
        tiles.addClassName("tb-look");
        note.addClassName("tb-muted");
        add(note, tiles);
    }

    void clear(String text) {
        request++;
        tiles.removeAll();
        note.setText(text);
    }

    /** The work that makes the gallery: given how many to show and whether they are still wanted. */
    interface Mistakes {
        CompletableFuture<Optional<List<CollectionMistakes.Mistake>>> later(int limit, BooleanSupplier wanted);
    }

    /** Starts computing; {@code classNames} are the lab project's, in its order. */
    void load(Mistakes mistakes, List<String> classNames) {
        int mine = ++request;
        tiles.removeAll();
        note.setText(getTranslation("lab.gallery.working"));
        mistakes.later(SHOWN, () -> mine == request).whenComplete((found, error) -> page.access(() -> {
            if (mine == request) {
                show(found == null ? List.of() : found.orElse(List.of()), error, classNames);
            }
        }));
    }

    private void show(List<CollectionMistakes.Mistake> mistakes, Throwable error, List<String> classNames) {
        if (error != null) {
            note.setText(getTranslation(ExplanationQueue.isFull(error) ? "preview.saliency.busy" : "lab.gallery.failed"));
            return;
        }
        note.setText(getTranslation(mistakes.isEmpty() ? "lab.gallery.none" : "lab.gallery.text"));
        for (CollectionMistakes.Mistake m : mistakes) {
            Span caption = new Span(getTranslation("lab.gallery.caption", classNames.get(m.actual()),
                    classNames.get(m.predicted())));
            Div tile = new Div(new HeatmapImage(m.heat(), m.channels()), caption);
            tile.addClassName("tb-look-tile");
            tiles.add(tile);
        }
        if (!mistakes.isEmpty()) {
            tiles.add(new HeatmapLegend());
        }
    }
}
