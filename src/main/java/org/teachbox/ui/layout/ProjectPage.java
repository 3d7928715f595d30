package org.teachbox.ui.layout;

import java.util.UUID;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.owner.Owner;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;
import org.teachbox.ui.Messages;

/**
 * The common frame of a project's pages: the project's name, the steps Gather → Train → Preview
 * → Under the hood → Bias lab, and the page's own content. Vaadin reuses a page when the learner
 * navigates to the same step again, also for another project, so everything is built once in
 * the constructor and {@link #beforeEnter} only loads the project into it. A page that follows
 * training subscribes while it is attached, always to the project it shows.
 */
public abstract class ProjectPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(ProjectPage.class);

    protected final ProjectService projects;
    protected final String owner = Owner.current();
    protected Project project;

    private final H1 title = new H1();
    private final Nav steps = new Nav();
    private final Paragraph problem = new Paragraph();
    private final VerticalLayout content = new VerticalLayout();
    private Registration following;

    protected ProjectPage(ProjectService projects) {
        this.projects = projects;
        addClassName("tb-page");
        setPadding(false);
        configureSteps();
        problem.setId("page-problem");
        problem.addClassName("tb-problem");
        problem.setVisible(false);
        content.setPadding(false);
        content.setWidthFull();
        add(title, steps, problem, content);
    }

    /** Adds the page's own parts, once, from the subclass's constructor. */
    protected void addContent(com.vaadin.flow.component.Component... parts) {
        content.add(parts);
    }

    /** Puts {@link #project}'s data into the parts built in the constructor; called on every entry. */
    protected abstract void load(Project project);

    /** Starts following this project's training; the feed replays what happened so far. None by default. */
    protected Registration follow(UI ui, Project project) {
        return null;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        stopFollowing();
        project = null;
        Project entered;
        try {
            entered = projects.project(owner, UUID.fromString(event.getRouteParameters().get("projectId").orElse("")));
        } catch (IllegalArgumentException | ProjectRuleException notFound) {
            showProblem(getTranslation("project.not-found.title"), getTranslation("project.not-found.text"));
            return;
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        try {
            title.setText(entered.name());
            pointStepsAt(entered);
            project = entered;
            load(entered);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        problem.setVisible(false);
        steps.setVisible(true);
        content.setVisible(true);
        if (isAttached()) {
            getUI().ifPresent(this::startFollowing);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        startFollowing(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopFollowing();
        super.onDetach(detachEvent);
    }

    private void startFollowing(UI ui) {
        stopFollowing();
        if (project == null || !content.isVisible()) {
            return;
        }
        try {
            following = follow(ui, project);
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void stopFollowing() {
        if (following != null) {
            following.remove();
            following = null;
        }
    }

    /**
     * A page that cannot be built (a database that went away, a picture deleted meanwhile) says so
     * in one sentence; the details go to the log, never to the learner's screen.
     */
    private void fail(RuntimeException e) {
        log.error("Could not show {} for project {}", getClass().getSimpleName(),
                project == null ? "?" : project.id(), e);
        stopFollowing();
        project = null;
        showProblem(getTranslation("error.page.title"), Messages.reason(e)
                .map(reason -> Messages.text(this, reason)).orElse(getTranslation("error.page.text")));
    }

    private void showProblem(String heading, String text) {
        title.setText(heading);
        problem.setText(text);
        problem.setVisible(true);
        steps.setVisible(false);
        content.setVisible(false);
    }

    private void configureSteps() {
        steps.addClassName("tb-steps");
        for (Step step : Step.values()) {
            RouterLink link = new RouterLink();
            link.setText(getTranslation(step.key));
            link.setId("step-" + step.name().toLowerCase());
            link.setHighlightCondition((l, e) -> step.view.isInstance(this));
            steps.add(link);
        }
    }

    private void pointStepsAt(Project p) {
        RouteParameters params = new RouteParameters("projectId", p.id().toString());
        Step[] all = Step.values();
        for (int i = 0; i < all.length; i++) {
            ((RouterLink) steps.getComponentAt(i)).setRoute(all[i].view, params);
        }
    }

    @Override
    public String getPageTitle() {
        return (project == null ? title.getText() : project.name()) + " · Teachbox";
    }
}
