package org.teachbox.ui.gather;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import org.teachbox.upload.PictureIntake;
import org.teachbox.ratelimit.CaptureRateLimit;
import org.teachbox.project.ImageClass;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectService;
import org.teachbox.transfer.ProjectFiles;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;
import org.teachbox.ui.train.TrainView;
import org.teachbox.ui.transfer.DownloadProjectLink;
import org.teachbox.upload.UploadFeed;

/** Step 1, Gather: one card per class, and a button to add another class. */
@Route(value = "project/:projectId", layout = MainLayout.class)
@AnonymousAllowed
public class GatherView extends ProjectPage {

    private final PictureIntake pictures;
    private final ProjectFiles files;
    private final CaptureRateLimit captures;
    private final UploadFeed feed;
    private final Div cards = new Div();
    private final Button addClass = new Button();
    private final Button next = new Button();
    private final Div download = new Div();

    public GatherView(ProjectService projects, PictureIntake pictures, ProjectFiles files, CaptureRateLimit captures,
                      UploadFeed feed) {
        super(projects);
        this.feed = feed;
        this.pictures = pictures;
        this.files = files;
        this.captures = captures;
        Paragraph hint = new Paragraph(getTranslation("gather.hint"));
        hint.addClassName("tb-hint");
        cards.addClassName("tb-cards");
        configureButtons();
        download.getStyle().set("display", "contents");
        Div actions = new Div(addClass, download, next);
        actions.addClassName("tb-actions");
        addContent(hint, cards, actions);
    }

    private void configureButtons() {
        addClass.setText(getTranslation("gather.add-class"));
        addClass.setId("add-class");
        addClass.addClickListener(e -> addClass());
        next.setText(getTranslation("gather.next"));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("go-train");
        next.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TrainView.class,
                new RouteParameters("projectId", project.id().toString()))));
    }

    @Override
    protected void load(Project project) {
        // the download link belongs to one project: made again for each project opened
        download.removeAll();
        download.add(new DownloadProjectLink(files, owner, project));
        showCards();
    }

    private void showCards() {
        cards.removeAll();
        SampleIntake intake = new SampleIntake(pictures, captures, owner, feed);
        for (ImageClass c : projects.classes(owner, project.id())) {
            cards.add(card(intake, c));
        }
    }

    private ClassCard card(SampleIntake intake, ImageClass imageClass) {
        ClassCard card = new ClassCard(projects, intake, owner, imageClass, project.modelKind(), pictures.maxBytes());
        card.addDeletedListener(e -> showCards());
        return card;
    }

    /**
     * The new class's card goes after the others, which stay as they are: building every card
     * again would read every class's pictures, on a click a whole class presses at once
     * ({@code bench/classroom-load.sh} reports its p95).
     */
    private void addClass() {
        List<ImageClass> existing = projects.classes(owner, project.id());
        ImageClass added = projects.addClass(owner, project.id(), freeDefaultName(existing));
        cards.add(card(new SampleIntake(pictures, captures, owner, feed), added));
    }

    /** "Class n" for the first n from the class count on that no class is called yet. */
    private String freeDefaultName(List<ImageClass> existing) {
        Set<String> taken = existing.stream().map(c -> c.name().strip().toLowerCase()).collect(Collectors.toSet());
        for (int n = existing.size() + 1; ; n++) {
            String name = getTranslation("class.default-name", n);
            if (!taken.contains(name.strip().toLowerCase())) {
                return name;
            }
        }
    }
}
