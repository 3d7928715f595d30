package org.teachbox.ui.share;

import java.io.OutputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

import org.teachbox.export.ModelExports;
import org.teachbox.export.TfjsFiles;
import org.teachbox.owner.Owner;
import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.project.ProjectService;

/**
 * "Download model (TensorFlow.js)": the trained model as a zip of model.json, weights.bin and
 * metadata.json, like Teachable Machine's "Download my model". Made when clicked, for the owner
 * cookie of the browser that asks, and for the project the page shows at that moment.
 */
public class DownloadModelLink extends Anchor {

    public DownloadModelLink(ModelExports exports, ProjectService projects, String sessionOwner, Supplier<UUID> projectId) {
        setHref(download(exports, projects, sessionOwner, projectId), AttachmentType.DOWNLOAD);
        setId("download-model");
        getElement().setAttribute("router-ignore", true);
        Button button = new Button(getTranslation("share.download"), VaadinIcon.DOWNLOAD_ALT.create());
        button.setTabIndex(-1);
        add(button);
        setTitle(getTranslation("share.download.hint"));
    }

    private static DownloadHandler download(ModelExports exports, ProjectService projects, String sessionOwner,
            Supplier<UUID> projectId) {
        return event -> {
            String owner = event.getRequest() instanceof HttpServletRequest http && Owner.of(http) != null
                    ? Owner.of(http) : sessionOwner;
            UUID id = projectId.get();
            Optional<TfjsFiles> files = Optional.empty();
            Project project = null;
            try {
                if (id != null) {
                    project = projects.project(owner, id);
                    files = exports.export(owner, id);
                }
            } catch (ProjectRuleException e) {
                files = Optional.empty();
            }
            if (files.isEmpty()) {
                event.getResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            event.setFileName(ModelExports.zipName(project));
            event.setContentType("application/zip");
            try (OutputStream out = event.getOutputStream()) {
                files.get().writeZip(out);
            }
        };
    }
}
