package org.teachbox.ui.transfer;

import java.io.OutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;

import org.teachbox.owner.Owner;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.transfer.ProjectFiles;

/**
 * "Download project": a link that streams the project as a zip. The zip is made when the link is
 * clicked, for the owner token of the browser that asks; a project that is not that browser's own
 * answers "not found", exactly as its pictures do.
 */
public class DownloadProjectLink extends Anchor {

    public DownloadProjectLink(ProjectFiles files, String owner, Project project) {
        setHref(download(files, owner, project), AttachmentType.DOWNLOAD);
        setId("download-project");
        getElement().setAttribute("router-ignore", true);
        Button button = new Button(getTranslation("transfer.download"), VaadinIcon.DOWNLOAD_ALT.create());
        // the link is what is focused and clicked; a button inside it would be a second tab stop
        button.setTabIndex(-1);
        add(button);
        setTitle(getTranslation("transfer.download.hint"));
    }

    private static DownloadHandler download(ProjectFiles files, String sessionOwner, Project project) {
        return event -> {
            String owner = requestOwner(event, sessionOwner);
            ProjectFiles.Download download;
            try {
                download = files.download(owner, project.id());
            } catch (ProjectRuleException e) {
                event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            event.setFileName(download.fileName());
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                download.writeTo(out);
            }
        };
    }

    /** The owner cookie of this very request, as SampleImageController reads it; the session's otherwise. */
    private static String requestOwner(DownloadEvent event, String sessionOwner) {
        String owner = event.getRequest() instanceof HttpServletRequest http ? Owner.of(http) : null;
        return owner != null ? owner : sessionOwner;
    }
}
