package org.teachbox.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the tensors of one weights file and the manifest entry that names them. TF.js reads
 * the file as the tensors of the manifest laid end to end, so order here is byte order there.
 */
final class WeightsWriter {
    private final List<Map<String, Object>> specs = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** A tensor given as floats, written as little-endian float32. */
    void add(String name, int[] shape, float[] values) {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (values.length != count) {
            throw new IllegalArgumentException("tensor " + name + " needs " + count + " values, has " + values.length);
        }
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("name", name);
        spec.put("shape", shape);
        spec.put("dtype", "float32");
        specs.add(spec);
        bytes.writeBytes(raw.array());
    }

    /** The manifest as model.json lists it: one group, one file. */
    List<Map<String, Object>> manifest() {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("paths", List.of(TfjsFiles.WEIGHTS));
        group.put("weights", List.copyOf(specs));
        return List.of(group);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
