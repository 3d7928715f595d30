package org.teachbox.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.project.Project;
import org.teachbox.samples.SampleProjects;
import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingEvent;
import org.teachbox.training.TrainingService;
import org.teachbox.training.TrainingSettings;

/** Inside the small CNN on a really trained project: its 16 filters and the maps they make of real pictures. */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/first-layer-${random.uuid}")
class FirstLayerLookTest {

    @Autowired
    PredictionService predictions;
    @Autowired
    TrainingService training;
    @Autowired
    SampleProjects samples;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void aTrainedShapesProjectShowsSixteenFiltersAndMapsThatFollowThePicture() throws Exception {
        Project shapes = samples.shapes(owner, "Shapes");
        assertThat(predictions.firstLayerOfUpload(owner, shapes.id(), "disc.png", disc())).isEmpty(); // not trained yet
        trainAndWait(shapes.id());

        PredictionService.FirstLayerLook disc = predictions.firstLayerOfUpload(owner, shapes.id(), "disc.png", disc())
                .orElseThrow();
        PredictionService.FirstLayerLook stripes = predictions
                .firstLayerOfUpload(owner, shapes.id(), "stripes.png", stripes()).orElseThrow();

        assertThat(disc.filters()).hasSize(16).allSatisfy(tile -> {
            assertThat(tile.getWidth()).isEqualTo(36);
            assertThat(tile.getHeight()).isEqualTo(36);
        });
        // normalised per filter: every tile spans the whole range, its smallest weight 0 and its largest 255
        assertThat(disc.filters()).allSatisfy(tile -> assertThat(levels(tile)).containsExactly(0, 255));
        // and the 16 filters are 16 different patterns
        assertThat(disc.filters().stream().map(t -> Arrays.toString(pixels(t))).distinct()).hasSize(16);
        // the filters belong to the network, not to the picture
        for (int f = 0; f < 16; f++) {
            assertThat(pixels(disc.filters().get(f))).isEqualTo(pixels(stripes.filters().get(f)));
        }
        assertThat(disc.maps()).hasSize(16).allSatisfy(map -> {
            assertThat(map.getWidth()).isEqualTo(64);
            assertThat(map.getHeight()).isEqualTo(64);
        });
        int differ = 0;
        for (int f = 0; f < 16; f++) {
            if (!Arrays.equals(pixels(disc.maps().get(f)), pixels(stripes.maps().get(f)))) {
                differ++;
            }
        }
        assertThat(differ).as("feature maps that differ between a disc and stripes").isGreaterThanOrEqualTo(12);
        // a disc in the middle of a plain ground: an active map is brighter inside the picture
        // than its far corner, where every filter sees nothing but the ground
        assertThat(disc.maps()).anySatisfy(map -> assertThat(brightness(map, 32, 32)).isNotEqualTo(brightness(map, 2, 2)));

        assertThat(FirstLayerPictures.dataUrl(disc.maps().getFirst())).startsWith("data:image/png;base64,");
    }

    @Test
    void theDigitsNetworkHasNoFiltersToShow() throws Exception {
        Project digits = samples.digits(owner, "Digits");
        trainAndWait(digits.id());
        assertThat(predictions.predict(owner, digits.id(), "disc.png", disc())).isPresent();
        assertThat(predictions.firstLayerOfUpload(owner, digits.id(), "disc.png", disc())).isEmpty();
    }

    private void trainAndWait(UUID projectId) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable stop = training.subscribe(projectId, e -> {
            if (e instanceof TrainingEvent.Finished) {
                done.complete(null);
            } else if (e instanceof TrainingEvent.Failed f) {
                done.completeExceptionally(new AssertionError(f.messageKey()));
            }
        });
        try {
            training.train(owner, projectId, new TrainingSettings(2, 16, 0.001, OptimizerChoice.ADAM));
            done.get(3, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }

    private static byte[] disc() throws Exception {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(240, 240, 240));
        g.fillRect(0, 0, 200, 200);
        g.setColor(new Color(200, 30, 30));
        g.fillOval(50, 50, 100, 100);
        g.dispose();
        return png(image);
    }

    private static byte[] stripes() throws Exception {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < 200; y += 20) {
            g.setColor(y % 40 == 0 ? new Color(20, 20, 160) : new Color(250, 250, 120));
            g.fillRect(0, y, 200, 20);
        }
        g.dispose();
        return png(image);
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static int brightness(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xff;
    }

    /** The smallest and largest colour level (of any of R, G, B) in the tile. */
    private static int[] levels(BufferedImage tile) {
        int min = 255;
        int max = 0;
        for (int p : pixels(tile)) {
            for (int shift = 0; shift <= 16; shift += 8) {
                int v = p >> shift & 0xff;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return new int[] {min, max};
    }
}
