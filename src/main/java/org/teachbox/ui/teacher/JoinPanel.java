package org.teachbox.ui.teacher;

import jakarta.servlet.http.HttpServletRequest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.teachbox.classroom.Classroom;
import org.teachbox.classroom.JoinQr;

/**
 * The part of a classroom page meant for the projector: the join code in big letters, the join
 * link and its QR code, and whether the classroom still takes new learners.
 */
class JoinPanel extends Div {

    private final Span code = new Span();
    private final Span url = new Span();
    private final Image qr = new Image();
    private final Paragraph state = new Paragraph();
    private final Paragraph localhost = new Paragraph();
    final Button openOrClose = new Button();

    JoinPanel() {
        addClassName("tb-panel");
        addClassName("tb-join-panel");
        code.setId("join-code-big");
        code.addClassName("tb-join-code-big");
        url.setId("join-url");
        url.addClassName("tb-join-url");
        qr.setId("join-qr");
        qr.addClassName("tb-join-qr");
        qr.setAlt(getTranslation("classroom.qr.alt"));
        state.setId("classroom-state");
        openOrClose.setId("open-or-close");
        localhost.setText(getTranslation("classroom.localhost"));
        localhost.addClassName("tb-warning");
        Div text = new Div(new Paragraph(getTranslation("classroom.join.how")), code, url, state, openOrClose, localhost);
        text.addClassName("tb-join-text");
        add(text, qr);
    }

    void show(Classroom classroom) {
        code.setText(classroom.joinCode());
        String link = joinUrl(classroom.joinCode());
        url.setText(link);
        qr.setSrc(JoinQr.svgDataUrl(link));
        state.setText(getTranslation(classroom.open() ? "classroom.state.open" : "classroom.state.closed"));
        openOrClose.setText(getTranslation(classroom.open() ? "classroom.close" : "classroom.reopen"));
        localhost.setVisible(link.contains("//localhost") || link.contains("//127."));
    }

    /** The address learners type, as this teacher's browser reached the server (a proxy's host too). */
    private static String joinUrl(String code) {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest servlet) {
            HttpServletRequest http = servlet.getHttpServletRequest();
            return ServletUriComponentsBuilder.fromContextPath(http).path("/join/" + code).toUriString();
        }
        return "/join/" + code;
    }
}
