package org.teachbox.ui.teacher;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.teachbox.teacher.TeacherPassword;
import org.teachbox.ui.layout.MainLayout;

/**
 * The teacher's sign-in: their name (shown on the dashboard) and the password the server's admin
 * set. Spring Security checks the form; this page only shows it, and says how to set a password
 * when the server has none.
 */
@Route(value = "teacher/login", layout = MainLayout.class)
@AnonymousAllowed
public class TeacherLoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();

    public TeacherLoginView(TeacherPassword password) {
        addClassName("tb-page");
        form.setAction("teacher/login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());
        form.setId("teacher-login");
        Paragraph noPassword = new Paragraph(getTranslation("teacher.login.no-password"));
        noPassword.setId("teacher-no-password");
        noPassword.addClassName("tb-warning");
        noPassword.setVisible(!password.isSet());
        form.setVisible(password.isSet());
        add(new H1(getTranslation("teacher.login.title")), new Paragraph(getTranslation("teacher.login.intro")),
                noPassword, form);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("teacher.login.form"));
        texts.setUsername(getTranslation("teacher.login.name"));
        texts.setPassword(getTranslation("teacher.login.password"));
        texts.setSubmit(getTranslation("teacher.login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("teacher.login.error.title"));
        error.setMessage(getTranslation("teacher.login.error.text"));
        error.setUsername(getTranslation("teacher.login.name.required"));
        error.setPassword(getTranslation("teacher.login.password.required"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("teacher.login.title") + " · Teachbox";
    }
}
