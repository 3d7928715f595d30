package org.teachbox.ui.gather;

import java.util.HashSet;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import org.teachbox.ui.layout.Announcer;

/**
 * What became of the pictures a learner added, one batch at a time, newest batch first: "12 of
 * 25 pictures added; 13 could not be used", then every file that could not be used, each named
 * once with its reason. A long list shows its first lines and keeps the rest behind "Show all",
 * so one drop of a hundred broken files still leaves the card readable.
 */
class UploadReport extends Div {

    /** Where a batch's pictures come from; a new source starts a new batch. */
    enum Source { FILES, CAMERA, DRAWING }

    static final int LINES_SHOWN = 5;
    static final int BATCHES_KEPT = 3;

    private Batch open;

    UploadReport() {
        addClassName("tb-problems");
        addClassName("tb-upload-report");
    }

    /** One picture stored; {@code file} identifies the file within its batch (name and size). */
    void added(Source source, String file) {
        batch(source).added(file);
    }

    /** One picture refused, with the sentence that says which file and why. */
    void refused(Source source, String file, String sentence) {
        batch(source).refused(file, sentence);
    }

    /** The upload says every file of the drop is done: the next file starts a new batch. */
    void batchFinished() {
        if (open != null) {
            Announcer.announce(this, open.summary.getText());
        }
        open = null;
    }

    private Batch batch(Source source) {
        if (open == null || open.source != source) {
            open = new Batch(source);
            addComponentAsFirst(open);
            while (getComponentCount() > BATCHES_KEPT) {
                remove(getComponentAt(BATCHES_KEPT));
            }
        }
        return open;
    }

    private final class Batch extends Div {
        private final Source source;
        private final Set<String> seen = new HashSet<>();
        private final Span summary = new Span();
        private final UnorderedList lines = new UnorderedList();
        private final Button showAll = new Button();
        private int added;
        private int refused;
        private boolean expanded;

        Batch(Source source) {
            this.source = source;
            addClassName("tb-batch");
            summary.addClassName("tb-batch-summary");
            lines.addClassName("tb-batch-lines");
            showAll.addClassName("tb-batch-more");
            showAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            showAll.addClickListener(e -> {
                expanded = !expanded;
                showLines();
            });
            add(summary, lines, showAll);
            showLines();
        }

        void added(String file) {
            if (seen.add("+" + file)) {
                added++;
                showSummary();
            }
        }

        void refused(String file, String sentence) {
            // The same file refused twice (a browser that retried, a result delivered twice) is one problem.
            if (!seen.add("-" + file)) {
                return;
            }
            refused++;
            ListItem line = new ListItem(sentence);
            line.addClassName("tb-problem");
            lines.add(line);
            showSummary();
            showLines();
        }

        private void showSummary() {
            int total = added + refused;
            summary.setText(refused == 0 ? getTranslation("upload.batch.all-added", added)
                    : added == 0 ? getTranslation("upload.batch.none-added", refused)
                    : getTranslation("upload.batch.some-added", added, total, refused));
            summary.getElement().getClassList().set("tb-batch-ok", refused == 0);
        }

        private void showLines() {
            for (int i = 0; i < lines.getComponentCount(); i++) {
                lines.getComponentAt(i).setVisible(expanded || i < LINES_SHOWN);
            }
            int hidden = Math.max(0, refused - LINES_SHOWN);
            showAll.setVisible(hidden > 0);
            showAll.setText(expanded ? getTranslation("upload.batch.show-fewer")
                    : getTranslation("upload.batch.show-all", refused));
        }
    }
}
