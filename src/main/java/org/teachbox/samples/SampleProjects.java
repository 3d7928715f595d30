package org.teachbox.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;
import org.teachbox.imaging.ImageIngest;
import org.teachbox.imaging.ImageRejectedException;
import org.teachbox.imaging.StoredImage;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ModelKind;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;

/**
 * Turns a generated sample set into a real project, through the same pipeline as an upload, so a
 * teacher without a camera gets a project that behaves exactly like one made by hand.
 */
@Service
public class SampleProjects {

    public static final int DIGITS_PER_CLASS = 40;
    public static final int SHAPES_PER_CLASS = 60;
    /** As many as Shapes, so that 10% of a class is still five pictures; 30 epochs keep the lesson short. */
    public static final int BIAS_PER_CLASS = 60;

    private final ProjectService projects;
    private final ImageIngest ingest;

    SampleProjects(ProjectService projects, ImageIngest ingest) {
        this.projects = projects;
        this.ingest = ingest;
    }

    public Project digits(String owner, String name) {
        return create(owner, name, ModelKind.DIGITS, SampleSets.digits(DIGITS_PER_CLASS, 7), UnaryOperator.identity());
    }

    public Project shapes(String owner, String name) {
        return shapes(owner, name, UnaryOperator.identity());
    }

    /** @param className turns a sample class name ("circle") into the learner's language */
    public Project shapes(String owner, String name, UnaryOperator<String> className) {
        return create(owner, name, ModelKind.IMAGE, SampleSets.shapes(SHAPES_PER_CLASS, 11), className);
    }

    public Project biasDemo(String owner, String name) {
        return biasDemo(owner, name, UnaryOperator.identity());
    }

    /** The bias lesson's data: fair shapes; the lab adds the skew later, on purpose. */
    public Project biasDemo(String owner, String name, UnaryOperator<String> className) {
        return create(owner, name, ModelKind.IMAGE, SampleSets.biasDemo(BIAS_PER_CLASS, 13), className);
    }

    public Project create(String owner, String name, ModelKind kind, SampleSet set, UnaryOperator<String> className) {
        Project project = projects.create(owner, name, kind,
                set.classes().stream().map(SampleClass::name).map(className).toList());
        var classes = projects.classes(owner, project.id());
        for (int c = 0; c < classes.size(); c++) {
            ImageClass target = classes.get(c);
            int n = 0;
            for (BufferedImage image : set.classes().get(c).images()) {
                StoredImage stored = store(target.name() + "-" + (n++) + ".png", image);
                projects.addSample(owner, target.id(), stored.bytes(), stored.mimeType());
            }
        }
        return projects.project(owner, project.id());
    }

    private StoredImage store(String fileName, BufferedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return ingest.ingest(fileName, png.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageRejectedException e) {
            throw new IllegalStateException("A generated sample was rejected: " + e.messageKey(), e);
        }
    }
}
