package org.teachbox.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
    private final TransactionTemplate transaction;

    SampleProjects(ProjectService projects, ImageIngest ingest, PlatformTransactionManager transactions) {
        this.projects = projects;
        this.ingest = ingest;
        this.transaction = new TransactionTemplate(transactions);
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

    /**
     * Pictures are prepared first, then the project, its classes and every picture are written
     * in one transaction: a crash or a refusal halfway leaves no half-filled project behind.
     */
    public Project create(String owner, String name, ModelKind kind, SampleSet set, UnaryOperator<String> className) {
        List<String> names = set.classes().stream().map(SampleClass::name).map(className).toList();
        List<List<StoredImage>> pictures = new ArrayList<>();
        for (int c = 0; c < set.classes().size(); c++) {
            List<StoredImage> stored = new ArrayList<>();
            for (BufferedImage image : set.classes().get(c).images()) {
                stored.add(store(names.get(c) + "-" + stored.size() + ".png", image));
            }
            pictures.add(stored);
        }
        return transaction.execute(status -> {
            Project project = projects.create(owner, name, kind, names);
            List<ImageClass> classes = projects.classes(owner, project.id());
            for (int c = 0; c < classes.size(); c++) {
                for (StoredImage stored : pictures.get(c)) {
                    projects.addSample(owner, classes.get(c).id(), stored.bytes(), stored.mimeType());
                }
            }
            return projects.project(owner, project.id());
        });
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
