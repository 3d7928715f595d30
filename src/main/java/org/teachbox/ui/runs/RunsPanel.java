package org.teachbox.ui.runs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;

import org.teachbox.project.Project;
import org.teachbox.project.ProjectRuleException;
import org.teachbox.runs.Run;
import org.teachbox.runs.RunHistory;
import org.teachbox.ui.Messages;

/**
 * The project's kept runs, newest first: tick two to four to overlay their curves, name them,
 * make a finished one's model the current one, delete them. The run the current model came
 * from is ticked when the page opens, so the curves shown are the model's own. The panel tells
 * its page through events: which runs to draw, and that the current model changed.
 */
public class RunsPanel extends Div {

    static final int MAX_COMPARED = 4;

    private final RunHistory history;
    private final Div rows = new Div();
    private final Paragraph empty = new Paragraph();
    private final Set<UUID> compared = new LinkedHashSet<>();
    private String owner;
    private Project project;
    private List<Run> runs = List.of();
    private UUID current;
    private boolean training;

    public RunsPanel(RunHistory history) {
        this.history = history;
        setId("runs");
        addClassNames("tb-panel", "tb-runs-panel");
        Paragraph intro = new Paragraph(getTranslation("runs.hint"));
        intro.addClassName("tb-hint");
        empty.setText(getTranslation("runs.empty"));
        empty.addClassName("tb-muted");
        rows.addClassName("tb-run-rows");
        add(new H3(getTranslation("runs.title.list")), intro, empty, rows);
    }

    /** Shows a project's runs, with the current model's run ticked. */
    public void load(String owner, Project project) {
        this.owner = owner;
        this.project = project;
        compared.clear();
        reload();
        if (current != null && byId(current).isPresent()) {
            compared.add(current);
        }
        render();
    }

    /** After a training ended: its run is now the newest, and the one shown. */
    public void showNewest() {
        reload();
        newest().ifPresentOrElse(this::showOnly, () -> {
            compared.clear();
            render();
            fireCompare();
        });
    }

    /** Ticks only {@code run}, and has it drawn. */
    public void showOnly(Run run) {
        compared.clear();
        compared.add(run.id());
        render();
        fireCompare();
    }

    /** While a model trains, its live curves own the charts, so nothing can be ticked. */
    public void setTraining(boolean training) {
        this.training = training;
        render();
    }

    /** A learning rate as a learner would type it: 0.0001, not 1.0E-4. */
    public static String rate(double learningRate) {
        return RunLabels.rate(learningRate);
    }

    public Optional<Run> newest() {
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getLast());
    }

    public Optional<UUID> currentRunId() {
        return Optional.ofNullable(current);
    }

    /** The ticked runs, oldest first. */
    public List<Run> compared() {
        return runs.stream().filter(r -> compared.contains(r.id())).toList();
    }

    public Registration addCompareListener(ComponentEventListener<CompareEvent> listener) {
        return addListener(CompareEvent.class, listener);
    }

    public Registration addCurrentChangedListener(ComponentEventListener<CurrentChangedEvent> listener) {
        return addListener(CurrentChangedEvent.class, listener);
    }

    private void reload() {
        runs = history.list(owner, project.id());
        current = history.currentRunId(owner, project.id()).orElse(null);
        compared.removeIf(id -> byId(id).isEmpty());
    }

    private Optional<Run> byId(UUID id) {
        return runs.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private void render() {
        rows.removeAll();
        empty.setVisible(runs.isEmpty());
        List<Run> newestFirst = new ArrayList<>(runs).reversed();
        for (Run run : newestFirst) {
            rows.add(new RunRow(run, run.id().equals(current), compared.contains(run.id()), !training,
                    run.dataVersion() != project.dataVersion(), new RunRow.Actions() {
                @Override
                public void compare(boolean ticked) {
                    tick(run, ticked);
                }

                @Override
                public void rename(String name) {
                    act(() -> history.rename(owner, project.id(), run.id(), name));
                }

                @Override
                public void makeCurrent() {
                    if (act(() -> history.makeCurrent(owner, project.id(), run.id()))) {
                        fireEvent(new CurrentChangedEvent(RunsPanel.this));
                    }
                }

                @Override
                public void delete() {
                    if (act(() -> history.delete(owner, project.id(), run.id()))) {
                        fireCompare();
                    }
                }
            }));
        }
    }

    private void tick(Run run, boolean ticked) {
        if (ticked && compared.size() >= MAX_COMPARED) {
            Messages.error(getTranslation("runs.compare.max", MAX_COMPARED));
            render();
            return;
        }
        if (ticked) {
            compared.add(run.id());
        } else {
            compared.remove(run.id());
        }
        fireCompare();
    }

    /** Runs a change, says why if it is refused, and shows the runs as they are now. */
    private boolean act(Runnable change) {
        boolean done = true;
        try {
            change.run();
        } catch (ProjectRuleException e) {
            Messages.error(this, e);
            done = false;
        }
        reload();
        render();
        return done;
    }

    private void fireCompare() {
        fireEvent(new CompareEvent(this, compared()));
    }

    /** The runs to draw changed; {@link #runs()} holds them, oldest first. */
    public static final class CompareEvent extends ComponentEvent<RunsPanel> {
        private final List<Run> runs;

        CompareEvent(RunsPanel source, List<Run> runs) {
            super(source, false);
            this.runs = runs;
        }

        public List<Run> runs() {
            return runs;
        }
    }

    /** A kept run's model became the project's current one. */
    public static final class CurrentChangedEvent extends ComponentEvent<RunsPanel> {
        CurrentChangedEvent(RunsPanel source) {
            super(source, false);
        }
    }
}
