package org.teachbox.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model in TensorFlow.js layers format, the three files Teachable Machine's "Download my model"
 * gives: {@code model.json} (topology and weights manifest), {@code weights.bin} (the float32
 * tensors the manifest lists, little-endian, one after another) and {@code metadata.json}
 * (labels, input size and how pixels are scaled).
 */
public record TfjsFiles(byte[] modelJson, byte[] weightsBin, byte[] metadataJson) {

    public static final String MODEL = "model.json";
    public static final String WEIGHTS = "weights.bin";
    public static final String METADATA = "metadata.json";

    /** The three files in one zip, flat, as Teachable Machine's download holds them. */
    public void writeZip(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        put(zip, MODEL, modelJson);
        put(zip, WEIGHTS, weightsBin);
        put(zip, METADATA, metadataJson);
        zip.finish();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
