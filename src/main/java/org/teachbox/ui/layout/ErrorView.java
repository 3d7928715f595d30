package org.teachbox.ui.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teachbox.ui.Messages;
import org.teachbox.ui.projects.ProjectsView;

/**
 * Replaces Vaadin's English error page: a page that failed to open says so in the learner's
 * language, with a way back. What went wrong goes to the log, never onto the screen.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ErrorView extends Div implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final H1 title = new H1();
    private final Paragraph text = new Paragraph();

    public ErrorView() {
        addClassName("tb-page");
        setId("error-view");
        add(title, text, new RouterLink(getTranslation("nav.projects"), ProjectsView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Could not open {}", event.getLocation().getPath(), parameter.getCaughtException());
        title.setText(getTranslation("error.page.title"));
        text.setText(Messages.reason(parameter.getCaughtException()).map(r -> Messages.text(this, r))
                .orElse(getTranslation("error.page.text")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
