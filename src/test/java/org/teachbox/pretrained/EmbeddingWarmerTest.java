package org.teachbox.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.samples.SampleSets;

/** A photo stored in a pretrained project is read by the backbone in the background, once. */
@SpringBootTest(properties = "teachbox.data-dir=target/test-data/warmer-${random.uuid}")
class EmbeddingWarmerTest {

    @Autowired
    ProjectService projects;
    @Autowired
    EmbeddingStore store;
    @Autowired
    BackboneLibrary library;
    @Autowired
    ImageIngest ingest;

    private final String owner = UUID.randomUUID().toString();

    @Test
    void anUploadedPhotoHasItsEmbeddingSoonAfterAndOtherKindsAreLeftAlone() throws Exception {
        Project photos = projects.create(owner, "Photos", ModelKind.PRETRAINED, List.of("a", "b"));
        Project scratch = projects.create(owner, "Scratch", ModelKind.IMAGE, List.of("a", "b"));
        byte[] picture = picture();
        UUID inPhotos = projects.addSample(owner, projects.classes(owner, photos.id()).get(0).id(), picture, "image/jpeg");
        UUID inScratch = projects.addSample(owner, projects.classes(owner, scratch.id()).get(0).id(), picture, "image/jpeg");
        String backbone = library.backbone().orElseThrow().fingerprint();

        Map<UUID, float[]> found = Map.of();
        for (int i = 0; i < 300 && found.isEmpty(); i++) {
            Thread.sleep(100);
            found = store.find(List.of(inPhotos), backbone);
        }
        assertThat(found).containsKey(inPhotos);
        assertThat(found.get(inPhotos)).hasSize(1280);
        assertThat(store.find(List.of(inScratch), backbone)).isEmpty();
    }

    /**
     * A class's burst of uploads is read in batches: every picture gets its embedding, and each is
     * the one the backbone gives that picture alone (the path checked against Teachable Machine's).
     */
    @Test
    void aBurstOfPhotosIsReadInBatchesAndEachEmbeddingIsThePicturesOwn() throws Exception {
        Project photos = projects.create(owner, "Burst", ModelKind.PRETRAINED, List.of("a", "b"));
        UUID classId = projects.classes(owner, photos.id()).get(0).id();
        var shapes = SampleSets.shapes(40, 9).classes();
        java.util.Map<UUID, byte[]> stored = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(shapes.get(i % 2).images().get(i / 2), "png", png);
            byte[] image = ingest.ingest("shape-" + i + ".png", png.toByteArray()).bytes();
            stored.put(projects.addSample(owner, classId, image, "image/jpeg"), image);
        }
        var backbone = library.backbone().orElseThrow();
        Map<UUID, float[]> found = Map.of();
        for (int i = 0; i < 600 && found.size() < stored.size(); i++) {
            Thread.sleep(100);
            found = store.find(List.copyOf(stored.keySet()), backbone.fingerprint());
        }
        assertThat(found).hasSize(40);
        for (var e : stored.entrySet()) {
            float[] alone = backbone.embed(Embeddings.scaled(
                    org.teachbox.imaging.ImageTensors.toChw(e.getValue(), backbone.inputSize(), 3)));
            float[] warmed = found.get(e.getKey());
            float largest = 0;
            for (int j = 0; j < alone.length; j++) {
                largest = Math.max(largest, Math.abs(alone[j] - warmed[j]));
            }
            assertThat(largest).as("picture %s", e.getKey()).isLessThan(1e-4f);
        }
    }

    private byte[] picture() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SampleSets.shapes(1, 4).classes().get(0).images().get(0), "png", png);
        return ingest.ingest("shape.png", png.toByteArray()).bytes();
    }
}
