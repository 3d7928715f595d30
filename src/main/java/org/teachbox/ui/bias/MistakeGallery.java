package org.teachbox.ui.bias;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.teachbox.bias.CollectionMistakes;
import org.teachbox.ui.HeatmapImage;

/**
 * The test pictures only the skewed collection's model gets wrong, each with that model's heat
 * map. The heat maps are computed on another thread (each one runs the model dozens of times)
 * and put on the page inside {@code ui.access}; a newer request makes an older one's answer stale.
 */
class MistakeGallery extends Div {

    private static final int SHOWN = 8;

    private final Div tiles = new Div();
    private final Paragraph note = new Paragraph();
    private int request;

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

    /** Starts computing; {@code classNames} are the lab project's, in its order. */
    void load(UI ui, IntFunction<List<CollectionMistakes.Mistake>> compute, List<String> classNames) {
        int mine = ++request;
        tiles.removeAll();
        note.setText(getTranslation("lab.gallery.working"));
        CompletableFuture.supplyAsync(() -> compute.apply(SHOWN)).whenComplete((mistakes, error) -> {
            try {
                ui.access(() -> {
                    if (mine == request) {
                        show(mistakes, error, classNames);
                    }
                });
            } catch (UIDetachedException closed) {
                // the learner left the page; nothing to show
            }
        });
    }

    private void show(List<CollectionMistakes.Mistake> mistakes, Throwable error, List<String> classNames) {
        if (error != null) {
            note.setText(getTranslation("lab.gallery.failed"));
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
    }
}
