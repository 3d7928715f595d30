package org.teachbox.ui.layout;

import java.util.UUID;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import org.teachbox.owner.Owner;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;

/**
 * The common frame of a project's pages: loads the project for this browser's owner (or says it
 * cannot be found), then shows the steps Gather → Train → Preview → Under the hood → Bias lab.
 */
public abstract class ProjectPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    protected final ProjectService projects;
    protected final String owner = Owner.current();
    protected Project project;

    protected ProjectPage(ProjectService projects) {
        this.projects = projects;
        addClassName("tb-page");
        setPadding(false);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            UUID id = UUID.fromString(event.getRouteParameters().get("projectId").orElse(""));
            project = projects.project(owner, id);
        } catch (IllegalArgumentException | ProjectRuleException notFound) {
            project = null;
            add(new H1(getTranslation("project.not-found.title")),
                    new Paragraph(getTranslation("project.not-found.text")));
            return;
        }
        add(new H1(project.name()), steps());
        build();
    }

    /** Adds the page's own content; {@link #project} is loaded and owned by this browser. */
    protected abstract void build();

    private Component steps() {
        RouteParameters params = new RouteParameters("projectId", project.id().toString());
        Nav nav = new Nav();
        nav.addClassName("tb-steps");
        for (Step step : Step.values()) {
            RouterLink link = new RouterLink(getTranslation(step.key), step.view, params);
            link.setId("step-" + step.name().toLowerCase());
            link.setHighlightCondition((l, e) -> step.view.isInstance(this));
            nav.add(link);
        }
        return nav;
    }

    @Override
    public String getPageTitle() {
        return (project == null ? getTranslation("project.not-found.title") : project.name()) + " · Teachbox";
    }
}
