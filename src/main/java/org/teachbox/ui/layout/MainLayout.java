package org.teachbox.ui.layout;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;

import org.teachbox.ui.projects.ProjectsView;

/** The frame around every page: the name, a way home, and the language switch. */
public class MainLayout extends Div implements RouterLayout {

    private final Main content = new Main();

    public MainLayout() {
        addClassName("tb-app");
        content.addClassName("tb-content");
        add(header(), content);
    }

    private Component header() {
        RouterLink home = new RouterLink(ProjectsView.class);
        home.add(new Span("Teachbox"));
        home.addClassName("tb-brand");
        RouterLink projects = new RouterLink(getTranslation("nav.projects"), ProjectsView.class);
        projects.addClassName("tb-nav");

        Select<Locale> language = new Select<>();
        language.setItems(LanguageChoice.SUPPORTED);
        language.setItemLabelGenerator(l -> l.equals(LanguageChoice.ENGLISH) ? "English" : "繁體中文");
        language.setValue(UI.getCurrent().getLocale().equals(LanguageChoice.TRADITIONAL_CHINESE)
                ? LanguageChoice.TRADITIONAL_CHINESE : LanguageChoice.ENGLISH);
        language.setAriaLabel(getTranslation("nav.language"));
        language.setId("language");
        language.addClassName("tb-language");
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LanguageChoice.remember(UI.getCurrent().getSession(), e.getValue());
                UI.getCurrent().setLocale(e.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
        Header header = new Header(home, projects, new Span(), language);
        header.addClassName("tb-header");
        return header;
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        content.getElement().appendChild(view.getElement());
    }
}
