package org.teachbox.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.teachbox.engine.ModelFormatException;
import org.teachbox.engine.pretrained.TfjsModel;

/**
 * The frozen MobileNetV2 as Teachable Machine's export carries it, taken from the very files the
 * server's backbone was loaded from: the functional {@code Model} up to {@code out_relu}, its
 * topology copied node for node, and its tensors copied float for float (so the exported
 * backbone is the server's). A Teachable Machine image export has that model nested in
 * Sequentials with a head after it; TM's hosted headless model has it at the top. Both are found
 * by looking for the container that holds {@code out_relu}.
 *
 * <p>The files are read by the engine's {@link TfjsModel}, the one reader of TF.js layers files,
 * which holds every bound (file sizes, depth, counts, shapes) and checks the weights against
 * their manifest.
 */
final class BackbonePart {
    private static final String OUTPUT = "out_relu";

    /** One tensor of the backbone: its name, shape and float32 values. */
    record Tensor(String name, int[] shape, float[] data) {}

    private final Map<String, Object> model;
    private final List<Tensor> tensors;

    private BackbonePart(Map<String, Object> model, List<Tensor> tensors) {
        this.model = model;
        this.tensors = tensors;
    }

    /** The functional model node ({@code class_name}, {@code config}), ending at out_relu, as JSON values. */
    Map<String, Object> model() {
        return model;
    }

    List<Tensor> tensors() {
        return tensors;
    }

    static BackbonePart read(Path dir) throws IOException {
        TfjsModel file = TfjsModel.read(dir);
        Map<String, Object> functional = findFunctional(file.topology(), 0);
        if (functional == null) {
            throw new ModelFormatException("the backbone's model.json has no model with a layer " + OUTPUT);
        }
        truncate(functional);
        Set<String> layerNames = new HashSet<>();
        for (Object layer : layers(functional)) {
            if (layer instanceof Map<?, ?> l && l.get("name") instanceof String name) {
                layerNames.add(name);
            }
        }
        List<Tensor> tensors = new ArrayList<>();
        for (TfjsModel.Weight w : file.weights().values()) {
            int slash = w.name().indexOf('/');
            if (slash > 0 && layerNames.contains(w.name().substring(0, slash))) {
                tensors.add(new Tensor(w.name(), w.shape(), w.data()));
            }
        }
        if (tensors.isEmpty()) {
            throw new ModelFormatException("the backbone's weights manifest has none of its layers' tensors");
        }
        return new BackbonePart(functional, List.copyOf(tensors));
    }

    /** The Model/Functional container that has a layer called out_relu, searched depth first. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> findFunctional(Object node, int depth) {
        if (depth > 16 || !(node instanceof Map<?, ?> map)) {
            return null;
        }
        Object cls = map.get("class_name");
        List<Object> layers = layers(map);
        if ("Model".equals(cls) || "Functional".equals(cls)) {
            for (Object layer : layers) {
                if (layer instanceof Map<?, ?> l && OUTPUT.equals(l.get("name"))) {
                    return (Map<String, Object>) map;
                }
            }
        }
        for (Object layer : layers) {
            Map<String, Object> found = findFunctional(layer, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A container's layers: its config's list, or its config itself (the old Sequential layout). */
    @SuppressWarnings("unchecked")
    private static List<Object> layers(Map<?, ?> container) {
        Object config = container.get("config");
        if (config instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (config instanceof Map<?, ?> c && c.get("layers") instanceof List<?> list) {
            return (List<Object>) list;
        }
        return List.of();
    }

    /**
     * Drops every layer after out_relu and makes out_relu the output. Keras lists a functional
     * model's layers so that each comes after its inputs, and every MobileNetV2 layer before
     * out_relu feeds it, so cutting the list there keeps exactly what out_relu needs.
     */
    @SuppressWarnings("unchecked")
    private static void truncate(Map<String, Object> model) {
        List<Object> layers = layers(model);
        int end = 0;
        while (end < layers.size() && !(layers.get(end) instanceof Map<?, ?> l && OUTPUT.equals(l.get("name")))) {
            end++;
        }
        layers.subList(Math.min(layers.size(), end + 1), layers.size()).clear();
        ((Map<String, Object>) model.get("config")).put("output_layers", List.of(List.of(OUTPUT, 0L, 0L)));
    }
}
