package org.teachbox.ui.share;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.teachbox.project.Project;
import org.teachbox.share.ShareService;

/**
 * "Share this model": a project is private until its owner shares it. Sharing makes a secret
 * model link (the share code in a URL); the owner can copy it, stop sharing, and sees snippets
 * for p5.js/ml5, Python and Scratch that use it. Built once with the page; {@link #load} shows
 * a project's state.
 */
public class SharePanel extends Div {

    private final ShareService shares;
    private final String owner;
    private final Paragraph status = new Paragraph();
    private final Button share = new Button();
    private final Div shared = new Div();
    private final TextField url = new TextField();
    private final Pre p5 = new Pre();
    private final Pre python = new Pre();
    private final Pre curl = new Pre();
    private final Paragraph scratch = new Paragraph();
    private Project project;
    private String base = "";

    public SharePanel(ShareService shares, String owner, com.vaadin.flow.component.Component download) {
        this.shares = shares;
        this.owner = owner;
        setId("share-panel");
        addClassName("tb-panel");
        share.setText(getTranslation("share.button"));
        share.setIcon(VaadinIcon.CONNECT.create());
        share.setId("share-model");
        share.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        share.addClickListener(e -> {
            shares.share(owner, project.id());
            show();
        });
        Paragraph downloadHint = new Paragraph(getTranslation("share.download.hint"));
        downloadHint.addClassName("tb-hint");
        add(new H3(getTranslation("share.title")), download, downloadHint, status, share, sharedParts());
    }

    private Div sharedParts() {
        url.setLabel(getTranslation("share.url"));
        url.setReadOnly(true);
        url.setId("share-url");
        url.setWidthFull();
        Button copy = new Button(getTranslation("share.copy"), VaadinIcon.COPY.create());
        copy.setId("share-copy");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("return navigator.clipboard.writeText($0)", url.getValue());
            told(getTranslation("share.copied"));
        });
        Button revoke = new Button(getTranslation("share.revoke"), VaadinIcon.BAN.create());
        revoke.setId("share-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.addClickListener(e -> {
            shares.revoke(owner, project.id());
            told(getTranslation("share.revoked"));
            show();
        });
        HorizontalLayout row = new HorizontalLayout(url, copy, revoke);
        row.setWidthFull();
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        p5.setId("snippet-p5");
        python.setId("snippet-python");
        curl.setId("snippet-curl");
        scratch.setId("snippet-scratch");
        for (Pre pre : new Pre[] {p5, python, curl}) {
            pre.addClassName("tb-snippet");
        }
        shared.add(row,
                new H4(getTranslation("share.snippet.p5")), p5,
                new H4(getTranslation("share.snippet.python")), python, curl,
                new H4(getTranslation("share.snippet.scratch")), scratch);
        return shared;
    }

    /** Shows the project's share state; the server's address is taken from this request. */
    public void load(Project project) {
        this.project = project;
        base = baseUrl();
        show();
    }

    private void show() {
        Optional<String> code = shares.code(owner, project.id());
        share.setVisible(code.isEmpty());
        shared.setVisible(code.isPresent());
        status.setText(getTranslation(code.isPresent() ? "share.shared" : "share.private"));
        if (code.isEmpty()) {
            url.clear();
            return;
        }
        String model = base + "/api/v1/models/" + code.get() + "/";
        url.setValue(model);
        p5.setText("""
                // p5.js + ml5.js (0.12)
                let classifier;
                function preload() {
                  classifier = ml5.imageClassifier('%smodel.json');
                }""".formatted(model));
        python.setText("""
                import requests

                with open("photo.jpg", "rb") as f:
                    answer = requests.post("%spredict", data=f.read()).json()
                for p in answer["predictions"]:
                    print(p["className"], round(p["probability"], 2))""".formatted(model));
        curl.setText("curl --data-binary @photo.jpg " + model + "predict");
        scratch.setText(getTranslation("share.snippet.scratch.text"));
    }

    private static void told(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static String baseUrl() {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            HttpServletRequest http = request.getHttpServletRequest();
            return ServletUriComponentsBuilder.fromContextPath(http).replaceQuery(null).build().toUriString();
        }
        return "";
    }
}
