package org.teachbox.ui.insights;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.teachbox.prediction.ExplanationQueue;
import org.teachbox.prediction.PredictionService;
import org.teachbox.training.TrainingReport;
import org.teachbox.ui.HeatmapImage;
import org.teachbox.ui.HeatmapLegend;
import org.teachbox.ui.layout.PageAccess;
import org.teachbox.ui.KeyboardButton;

/**
 * The validation or test pictures behind one confusion-matrix cell (or the model's most confident
 * mistakes), each with what the model said and how sure it was.
 */
class CellGallery extends Div {

    private static final Logger log = LoggerFactory.getLogger(CellGallery.class);

    private final Explain explain;
    private final PageAccess page = new PageAccess(this);
    private int channels = 3;
    private UUID projectId;
    private final Div look = new Div();
    /**
     * Counts clicks on tiles and redraws, so a slow answer for an earlier click (or another cell,
     * or a project since left) does not replace what is shown now.
     */
    private volatile long looks;

    /** Where the model looked at a validation picture, worked out later unless no longer wanted. */
    interface Explain {
        CompletableFuture<Optional<PredictionService.Heatmap>> later(UUID sampleId, BooleanSupplier wanted);
    }

    /** {@code explain} gives the saliency of a validation image, shown when its tile is clicked. */
    CellGallery(Explain explain) {
        this.explain = explain;
        addClassName("tb-gallery");
        addClassName("tb-panel");
        setId("cell-gallery");
        look.addClassName("tb-look");
        look.setId("gallery-saliency");
    }

    /** 1 for the digits' grey pictures, 3 for photos; set when the page loads a project. */
    void setChannels(int channels) {
        this.channels = channels;
    }

    /** The project whose pictures are shown; test pictures link to its Preview. */
    void setProject(UUID projectId) {
        this.projectId = projectId;
    }

    void show(String title, List<TrainingReport.ValidationItem> items, List<String> classNames) {
        show(title, items, classNames, false);
    }

    /** {@code testPictures}: each tile also opens its picture in Preview, which says if the model got it right. */
    void show(String title, List<TrainingReport.ValidationItem> items, List<String> classNames, boolean testPictures) {
        looks++;
        removeAll();
        look.removeAll();
        add(new H3(title));
        if (items.isEmpty()) {
            add(new Paragraph(getTranslation("insights.cell.empty")));
            return;
        }
        Div grid = new Div();
        grid.addClassName("tb-thumbs");
        for (TrainingReport.ValidationItem item : items) {
            Image image = new Image("samples/" + item.sampleId(), classNames.get(item.actual()));
            image.addClassName("tb-thumb-img");
            Span caption = new Span(getTranslation("insights.cell.caption", classNames.get(item.predicted()),
                    Math.round(100 * item.confidence())));
            caption.addClassName("tb-caption");
            // the picture and its caption are the button; a link beside them must not sit inside it
            Div button = new Div(image, caption);
            button.addClassName("tb-tile-look");
            button.getElement().setAttribute("title", getTranslation("insights.tile.explain"));
            KeyboardButton.make(button, () -> showLook(item.sampleId()));
            Div tile = new Div(button);
            tile.addClassName("tb-tile");
            if (testPictures && projectId != null) {
                Anchor open = new Anchor("project/" + projectId + "/preview?picture=" + item.sampleId(),
                        getTranslation("test-pictures.open-preview"));
                open.addClassName("tb-caption");
                open.addClassName("tb-open-preview");
                tile.add(open);
            }
            grid.add(tile);
        }
        Paragraph hint = new Paragraph(getTranslation("insights.tile.explain"));
        hint.addClassName("tb-hint");
        add(hint, grid, look);
    }

    /**
     * The saliency map runs the model dozens of times: it waits its turn on the heat-map threads
     * and is shown when done, so the page's lock (and with it every other click and push of this
     * learner) is not held meanwhile. Only the last click shows.
     */
    private void showLook(UUID sampleId) {
        look.removeAll();
        long mine = ++looks;
        int pictureChannels = channels;
        explain.later(sampleId, () -> mine == looks).whenComplete((heat, error) -> {
            if (error != null && !ExplanationQueue.isFull(error)) {
                log.warn("Could not work out where the model looked at picture {}", sampleId, error);
            }
            boolean busy = error != null && ExplanationQueue.isFull(error);
            Optional<String> url = error != null ? Optional.empty()
                    : heat.map(h -> HeatmapImage.dataUrl(h, pictureChannels)); // encoded here, off the page's lock
            page.access(() -> {
                if (mine != looks) {
                    return;
                }
                if (busy) {
                    look.add(new Paragraph(getTranslation("preview.saliency.busy")));
                }
                url.ifPresent(this::showHeatmap);
            });
        });
    }

    private void showHeatmap(String dataUrl) {
        look.add(new H3(getTranslation("preview.saliency.title")), new Paragraph(getTranslation("preview.saliency")),
                new HeatmapImage(dataUrl), new HeatmapLegend());
    }
}
