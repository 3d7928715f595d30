package org.teachbox.ui.layout;

import com.vaadin.flow.component.Component;

import org.teachbox.ui.bias.BiasLabView;
import org.teachbox.ui.gather.GatherView;
import org.teachbox.ui.insights.InsightsView;
import org.teachbox.ui.preview.PreviewView;
import org.teachbox.ui.train.TrainView;

/** The learner's path through a project, in order. */
enum Step {
    GATHER("step.gather", GatherView.class),
    TRAIN("step.train", TrainView.class),
    PREVIEW("step.preview", PreviewView.class),
    INSIGHTS("step.insights", InsightsView.class),
    BIAS("step.bias", BiasLabView.class);

    final String key;
    final Class<? extends Component> view;

    Step(String key, Class<? extends Component> view) {
        this.key = key;
        this.view = view;
    }
}
