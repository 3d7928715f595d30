package org.teachbox.ui.train;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

import org.teachbox.training.OptimizerChoice;
import org.teachbox.training.TrainingSettings;

/** "Advanced": the four training knobs, each with one line on what it does, and a reset. */
class AdvancedSettings extends Details {

    private final IntegerField epochs = new IntegerField();
    private final IntegerField batchSize = new IntegerField();
    private final NumberField learningRate = new NumberField();
    private final Select<OptimizerChoice> optimizer = new Select<>();
    private final com.vaadin.flow.component.checkbox.Checkbox earlyStop = new com.vaadin.flow.component.checkbox.Checkbox();

    AdvancedSettings(TrainingSettings initial) {
        setSummaryText(getTranslation("train.advanced"));
        setId("advanced");
        epochs.setLabel(getTranslation("train.epochs"));
        epochs.setHelperText(getTranslation("train.epochs.help", TrainingSettings.MAX_EPOCHS));
        epochs.setMin(1);
        epochs.setMax(TrainingSettings.MAX_EPOCHS);
        epochs.setStepButtonsVisible(true);
        epochs.setId("epochs");
        batchSize.setLabel(getTranslation("train.batch"));
        batchSize.setHelperText(getTranslation("train.batch.help", TrainingSettings.MAX_BATCH));
        batchSize.setMin(1);
        batchSize.setMax(TrainingSettings.MAX_BATCH);
        batchSize.setId("batch-size");
        learningRate.setLabel(getTranslation("train.lr"));
        learningRate.setHelperText(getTranslation("train.lr.help", TrainingSettings.MAX_LEARNING_RATE));
        // no min/step here: a step check would reject 0.001 as "not a multiple"; the settings
        // record refuses values outside (0, MAX_LEARNING_RATE]
        learningRate.setId("learning-rate");
        optimizer.setLabel(getTranslation("train.optimizer"));
        optimizer.setHelperText(getTranslation("train.optimizer.help"));
        optimizer.setItems(OptimizerChoice.values());
        optimizer.setItemLabelGenerator(o -> getTranslation("train.optimizer." + o.name().toLowerCase()));
        earlyStop.setLabel(getTranslation("train.early-stop", TrainingSettings.PATIENCE));
        earlyStop.setHelperText(getTranslation("train.early-stop.help"));
        earlyStop.setId("early-stop");
        Button reset = new Button(getTranslation("train.reset"), e -> show(TrainingSettings.defaults()));
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FormLayout form = new FormLayout(epochs, batchSize, learningRate, optimizer);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        add(form, new com.vaadin.flow.component.html.Div(earlyStop), reset);
        show(initial);
    }

    void show(TrainingSettings s) {
        epochs.setValue(s.epochs());
        batchSize.setValue(s.batchSize());
        learningRate.setValue(s.learningRate());
        optimizer.setValue(s.optimizer());
        earlyStop.setValue(s.stopsEarly());
    }

    /** The settings as typed, or null when a field is empty or out of range (the field says why). */
    TrainingSettings settings() {
        if (epochs.isInvalid() || batchSize.isInvalid() || learningRate.isInvalid()
                || epochs.getValue() == null || batchSize.getValue() == null || learningRate.getValue() == null
                || optimizer.getValue() == null) {
            return null;
        }
        try {
            return new TrainingSettings(epochs.getValue(), batchSize.getValue(), learningRate.getValue(), optimizer.getValue(),
                    earlyStop.getValue());
        } catch (IllegalArgumentException outOfRange) {
            // only the learning rate has no bounds the field itself checks: say so on the field
            learningRate.setErrorMessage(getTranslation("train.lr.range", TrainingSettings.MAX_LEARNING_RATE));
            learningRate.setInvalid(true);
            return null;
        }
    }
}
