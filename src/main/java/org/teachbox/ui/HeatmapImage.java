package org.teachbox.ui;

import com.vaadin.flow.component.html.Image;

import org.teachbox.prediction.HeatmapPicture;
import org.teachbox.prediction.PredictionService;

/** "Where the model looked": a picture with its saliency laid over it, the same size everywhere. */
public class HeatmapImage extends Image {

    private static final int DISPLAY_SIDE = 192;

    public HeatmapImage(PredictionService.Heatmap heat, int channels) {
        this(dataUrl(heat, channels));
    }

    /** For a picture drawn ahead, away from the page's lock (see {@link #dataUrl}). */
    public HeatmapImage(String dataUrl) {
        super(dataUrl, "");
        setAlt(getTranslation("bias.step4.alt"));
        addClassName("tb-heatmap");
    }

    /** The picture itself: an encoded PNG, work to do before taking the page's lock. */
    public static String dataUrl(PredictionService.Heatmap heat, int channels) {
        return HeatmapPicture.dataUrl(heat.picture(), channels, heat.side(), heat.values(), DISPLAY_SIDE);
    }
}
