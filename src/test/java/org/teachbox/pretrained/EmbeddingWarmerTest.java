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

    private byte[] picture() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(SampleSets.shapes(1, 4).classes().get(0).images().get(0), "png", png);
        return ingest.ingest("shape.png", png.toByteArray()).bytes();
    }
}
