package org.teachbox.ui.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadFormat;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.annotation.SpringComponent;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.teachbox.owner.Owner;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.transfer.FileProblem;
import org.teachbox.transfer.OpenedProject;
import org.teachbox.transfer.ProjectFileException;
import org.teachbox.transfer.ProjectFiles;
import org.teachbox.ui.UploadTexts;
import org.teachbox.ui.gather.GatherView;

/**
 * "Open a project file": takes a Teachbox project zip, a Teachable Machine .tm file or a zip of
 * class folders, and opens the new project. A refused file is explained right here; files left
 * out of an opened project are listed on the project's page.
 */
@SpringComponent
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
public class OpenProjectFile extends Div {

    static final int LISTED = 8;

    private final ProjectFiles files;
    private final String owner = Owner.current();
    private final String fallbackName;
    private final Paragraph refused = new Paragraph();
    private final UnorderedList problems = new UnorderedList();

    public OpenProjectFile(ProjectFiles files) {
        this.files = files;
        this.fallbackName = getTranslation("transfer.open.default-name");
        setId("open-project-file");
        addClassName("tb-open-file");
        refused.addClassName("tb-open-refused");
        refused.setVisible(false);
        problems.addClassName("tb-problems");
        Paragraph hint = new Paragraph(getTranslation("transfer.open.hint"));
        hint.addClassName("tb-hint");
        add(new H2(getTranslation("transfer.open.title")), hint, upload(), refused, problems);
    }

    private Upload upload() {
        Upload upload = new Upload(handler());
        UploadI18N texts = UploadTexts.of(this);
        texts.setDropFiles(new UploadI18N.DropFiles()
                .setOne(getTranslation("transfer.open.drop")).setMany(getTranslation("transfer.open.drop")));
        texts.setAddFiles(new UploadI18N.AddFiles()
                .setOne(getTranslation("transfer.open.add")).setMany(getTranslation("transfer.open.add")));
        upload.setI18n(texts);
        // the file as the request body, not a multipart form: a project file may well be bigger
        // than the servlet's multipart limit, which is sized for single pictures
        upload.setUploadFormat(UploadFormat.RAW);
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.maxFileBytes()));
        upload.setAcceptedFileTypes(".zip", ".tm");
        upload.addClassName("tb-upload");
        upload.addAllFinishedListener(e -> upload.clearFileList());
        return upload;
    }

    /**
     * Copies the upload to a temporary file with a hard cap (the browser's limit is only a
     * courtesy), opens it outside the session lock, then shows the outcome inside {@code ui.access}.
     */
    private UploadHandler handler() {
        return event -> {
            UI ui = event.getUI();
            String fileName = event.getFileName();
            Path temp = Files.createTempFile("teachbox-open-", ".zip");
            try {
                Runnable outcome = copy(event.getInputStream(), temp) > files.maxFileBytes()
                        ? () -> refuse(fileName, getTranslation("transfer.open.too-big", fileName, files.maxFileText()),
                        List.of())
                        : open(fileName, temp);
                ui.access(outcome::run);
            } finally {
                Files.deleteIfExists(temp);
            }
        };
    }

    private Runnable open(String fileName, Path temp) {
        try {
            OpenedProject opened = files.open(owner, fileName, temp, fallbackName);
            return () -> opened(opened);
        } catch (ProjectFileException e) {
            return () -> refuse(fileName, getTranslation(e.messageKey(), e.messageArgs()), e.rejected());
        } catch (ProjectRuleException e) {
            return () -> refuse(fileName, getTranslation(e.messageKey(), e.messageArgs()), List.of());
        }
    }

    private long copy(InputStream upload, Path temp) throws IOException {
        long max = files.maxFileBytes() + 1;
        try (InputStream in = upload; OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[65_536];
            long total = 0;
            int n;
            while (total < max && (n = in.read(buffer, 0, (int) Math.min(buffer.length, max - total))) > 0) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }

    private void refuse(String fileName, String reason, List<FileProblem> rejected) {
        refused.setText(getTranslation("transfer.open.refused", fileName) + " " + reason);
        refused.setVisible(true);
        problems.removeAll();
        list(problems, rejected);
    }

    private void opened(OpenedProject opened) {
        refused.setVisible(false);
        problems.removeAll();
        getUI().ifPresent(ui -> {
            ui.navigate(GatherView.class, new RouteParameters("projectId", opened.project().id().toString()));
            if (!opened.rejected().isEmpty()) {
                OpenReport.show(opened);
            }
        });
    }

    /** The first few problems, and how many more there are: a list of 300 helps nobody. */
    static void list(UnorderedList list, List<FileProblem> rejected) {
        rejected.stream().limit(LISTED)
                .forEach(p -> list.add(new ListItem(list.getTranslation(p.messageKey(), p.args()))));
        if (rejected.size() > LISTED) {
            list.add(new ListItem(list.getTranslation("transfer.open.more", rejected.size() - LISTED)));
        }
    }
}
