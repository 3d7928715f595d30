package org.teachbox.ui.gather;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import org.teachbox.imaging.ImageIngest;
import org.teachbox.project.ImageClass;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.transfer.ProjectFiles;
import org.teachbox.ui.Messages;
import org.teachbox.ui.layout.MainLayout;
import org.teachbox.ui.layout.ProjectPage;
import org.teachbox.ui.train.TrainView;
import org.teachbox.ui.transfer.DownloadProjectLink;

/** Step 1, Gather: one card per class, and a button to add another class. */
@Route(value = "project/:projectId", layout = MainLayout.class)
public class GatherView extends ProjectPage {

    private final ImageIngest ingest;
    private final ProjectFiles files;
    private final Div cards = new Div();

    public GatherView(ProjectService projects, ImageIngest ingest, ProjectFiles files) {
        super(projects);
        this.ingest = ingest;
        this.files = files;
        cards.addClassName("tb-cards");
    }

    @Override
    protected void build() {
        Paragraph hint = new Paragraph(getTranslation("gather.hint"));
        hint.addClassName("tb-hint");
        Button addClass = new Button(getTranslation("gather.add-class"), e -> addClass());
        addClass.setId("add-class");
        Button next = new Button(getTranslation("gather.next"), e -> getUI().ifPresent(ui -> ui.navigate(TrainView.class,
                new RouteParameters("projectId", project.id().toString()))));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("go-train");
        Div actions = new Div(addClass, new DownloadProjectLink(files, owner, project), next);
        actions.addClassName("tb-actions");
        add(hint, cards, actions);
        showCards();
    }

    private void showCards() {
        cards.removeAll();
        SampleIntake intake = new SampleIntake(projects, ingest, owner);
        for (ImageClass c : projects.classes(owner, project.id())) {
            ClassCard card = new ClassCard(projects, intake, owner, c, project.modelKind(), ingest.limits().maxBytes());
            card.addDeletedListener(e -> showCards());
            cards.add(card);
        }
    }

    private void addClass() {
        try {
            int n = projects.classes(owner, project.id()).size() + 1;
            projects.addClass(owner, project.id(), getTranslation("class.default-name", n));
            showCards();
        } catch (ProjectRuleException e) {
            Messages.error(this, e);
        }
    }
}
