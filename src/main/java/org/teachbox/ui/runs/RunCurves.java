package org.teachbox.ui.runs;

import java.util.ArrayList;
import java.util.List;

import org.teachbox.runs.Run;
import org.teachbox.ui.insights.CurvesPanel;

/** Draws the ticked runs: one run as training against validation, two or more overlaid. */
public final class RunCurves {

    private RunCurves() {
    }

    public static void draw(CurvesPanel curves, List<Run> runs) {
        if (runs.isEmpty()) {
            curves.clear();
        } else if (runs.size() == 1) {
            curves.show(runs.getFirst().report().history(), runs.getFirst().report().bestEpoch());
        } else {
            List<String> labels = RunLabels.legend(curves, runs);
            List<CurvesPanel.Labelled> overlay = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                overlay.add(new CurvesPanel.Labelled(labels.get(i), runs.get(i).report().history()));
            }
            curves.compare(overlay);
        }
    }
}
