package org.teachbox.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The automatic 85/15 split. For every class on its own, {@code ceil(0.15 · n)} images go to
 * validation and are never trained on, so even a small class is checked, and the validation set
 * has the same class balance as the data. The choice is shuffled with a seed: the same data and
 * seed always give the same split.
 */
public final class StratifiedSplit {

    public static final double VALIDATION_FRACTION = 0.15;

    private StratifiedSplit() {
    }

    /** How many of {@code n} images of one class are held out for validation. */
    public static int validationCount(int n) {
        // the epsilon keeps 20 · 0.15 = 3.0000000000000004 from rounding up to 4
        return (int) Math.ceil(n * VALIDATION_FRACTION - 1e-9);
    }

    /** Indices per class: which of the class's images train and which validate. */
    public static List<Part> split(List<Integer> classSizes, long seed) {
        Random random = new Random(seed);
        List<Part> parts = new ArrayList<>();
        for (int n : classSizes) {
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            int validation = validationCount(n);
            parts.add(new Part(List.copyOf(order.subList(validation, n)), List.copyOf(order.subList(0, validation))));
        }
        return parts;
    }

    /** One class's share: indices into that class's image list. */
    public record Part(List<Integer> train, List<Integer> validation) {
    }
}
