package org.teachbox.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.teachbox.engine.LayerSpec.Kind;

/**
 * Saves and loads a trained model with its class names. The format (big-endian, version 1):
 * <pre>
 *   "TBXMODEL"                    8 bytes magic
 *   version                       int
 *   input channels, height, width int x 3
 *   layer count, then per layer   byte kind, int units, kernel, stride, padding, float rate
 *   class count, then per class   UTF-8 name (Java modified UTF, 2-byte length)
 *   parameter count, then each    int length, float x length
 *   CRC-32 of everything above    int
 * </pre>
 * Loading reads at most {@link #MAX_BYTES}, checks the magic and the checksum before parsing
 * anything, and bounds every number it reads, so a truncated, corrupted or foreign file ends in a
 * {@link ModelFormatException} with a clear message, never in a crash or a huge allocation.
 */
public final class ModelFile {
    private static final byte[] MAGIC = {'T', 'B', 'X', 'M', 'O', 'D', 'E', 'L'};
    public static final int VERSION = 1;
    /** Large enough for any model the app builds (RefCNN is about 1.1 MB). */
    public static final int MAX_BYTES = 256 << 20;
    private static final int MAX_LAYERS = 256;
    private static final int MAX_CLASSES = 1000;
    private static final int MAX_DIM = 4096;
    private static final long MAX_ACTIVATIONS = 1L << 24;

    private ModelFile() {}

    public record Loaded(Model model, List<String> classNames) {}

    public static void write(Model model, List<String> classNames, OutputStream out) throws IOException {
        if (classNames.size() != model.numClasses()) {
            throw new IllegalArgumentException(model.numClasses() + " classes but " + classNames.size() + " names");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(model.inputChannels());
        data.writeInt(model.inputHeight());
        data.writeInt(model.inputWidth());
        data.writeInt(model.specs().size());
        for (LayerSpec s : model.specs()) {
            data.writeByte(s.kind().ordinal());
            data.writeInt(s.units());
            data.writeInt(s.kernel());
            data.writeInt(s.stride());
            data.writeInt(s.padding());
            data.writeFloat(s.rate());
        }
        data.writeInt(classNames.size());
        for (String name : classNames) {
            data.writeUTF(name);
        }
        data.writeInt(model.parameters().size());
        for (Parameter p : model.parameters()) {
            data.writeInt(p.size());
            for (float v : p.data) {
                data.writeFloat(v);
            }
        }
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeInt((int) crc.getValue());
        data.flush();
        bytes.writeTo(out);
        out.flush();
    }

    public static Loaded read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ModelFormatException("model file is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        if (bytes.length < MAGIC.length + 8 || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new ModelFormatException("not a Teachbox model file (missing TBXMODEL header)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ((bytes[bytes.length - 4] & 0xFF) << 24) | ((bytes[bytes.length - 3] & 0xFF) << 16)
                | ((bytes[bytes.length - 2] & 0xFF) << 8) | (bytes[bytes.length - 1] & 0xFF);
        if ((int) crc.getValue() != stored) {
            throw new ModelFormatException("model file is truncated or corrupted (checksum mismatch)");
        }
        DataInputStream data = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4));
        try {
            return parse(data, bytes.length);
        } catch (EOFException e) {
            throw new ModelFormatException("model file is truncated");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFormatException("model file describes an invalid network: " + e.getMessage());
        }
    }

    private static Loaded parse(DataInputStream data, int fileSize) throws IOException {
        data.skipNBytes(MAGIC.length);
        int version = data.readInt();
        if (version != VERSION) {
            throw new ModelFormatException("unsupported model file version " + version + " (this app reads " + VERSION + ")");
        }
        // a pretrained head's input is one picture's embedding: 1280 channels of 1 x 1
        int c = bounded(data.readInt(), 1, MAX_DIM, "input channels");
        int h = bounded(data.readInt(), 1, MAX_DIM, "input height");
        int w = bounded(data.readInt(), 1, MAX_DIM, "input width");
        if ((long) c * h * w > MAX_ACTIVATIONS) {
            throw new ModelFormatException("input shape out of range: " + c + " x " + h + " x " + w);
        }
        int layerCount = bounded(data.readInt(), 1, MAX_LAYERS, "layer count");
        Model.Builder builder = Model.builder(c, h, w);
        List<LayerSpec> specs = new ArrayList<>();
        Kind[] kinds = Kind.values();
        for (int i = 0; i < layerCount; i++) {
            Kind kind = kinds[bounded(data.readByte(), 0, kinds.length - 1, "layer kind")];
            int units = bounded(data.readInt(), 0, 1 << 16, "units");
            int kernel = bounded(data.readInt(), 0, 64, "kernel size");
            int stride = bounded(data.readInt(), 0, 64, "stride");
            int padding = bounded(data.readInt(), 0, 64, "padding");
            float rate = data.readFloat();
            if (!(rate >= 0f && rate < 1f)) {
                throw new ModelFormatException("layer " + (i + 1) + ": rate out of range");
            }
            LayerSpec spec = new LayerSpec(kind, units, kernel, stride, padding, rate);
            specs.add(spec);
            builder.add(spec);
        }
        long parameters = checkPlan(new Shape(c, h, w), specs);
        if (parameters * 4 > fileSize) {
            throw new ModelFormatException("model file is too short for its " + parameters + " parameters");
        }
        int classCount = bounded(data.readInt(), 1, MAX_CLASSES, "class count");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classCount; i++) {
            names.add(data.readUTF());
        }
        Model model = builder.build(0);
        if (model.numClasses() != classCount) {
            throw new ModelFormatException("model has " + model.numClasses() + " outputs but " + classCount + " class names");
        }
        int paramCount = data.readInt();
        if (paramCount != model.parameters().size()) {
            throw new ModelFormatException("expected " + model.parameters().size() + " weight arrays, found " + paramCount);
        }
        for (Parameter p : model.parameters()) {
            int length = data.readInt();
            if (length != p.size()) {
                throw new ModelFormatException("weight array " + p.name + " has " + length + " values, expected " + p.size());
            }
            for (int i = 0; i < length; i++) {
                p.data[i] = data.readFloat();
            }
            p.changed();
        }
        if (data.available() != 0) {
            throw new ModelFormatException("unexpected bytes after the weights");
        }
        return new Loaded(model, List.copyOf(names));
    }

    /** Walks the shapes without allocating anything; returns the parameter count or rejects the plan. */
    private static long checkPlan(Shape in, List<LayerSpec> specs) throws ModelFormatException {
        long c = in.c(), h = in.h(), w = in.w();
        long parameters = 0;
        for (LayerSpec s : specs) {
            switch (s.kind()) {
                case CONV2D -> {
                    if (s.units() < 1 || s.kernel() < 1 || s.stride() < 1) {
                        throw new ModelFormatException("conv2d needs filters, kernel and stride >= 1");
                    }
                    parameters += s.units() * (c * s.kernel() * s.kernel() + 1);
                    h = (h + 2L * s.padding() - s.kernel()) / s.stride() + 1;
                    w = (w + 2L * s.padding() - s.kernel()) / s.stride() + 1;
                    c = s.units();
                }
                case MAX_POOL2D -> {
                    if (s.kernel() < 1) {
                        throw new ModelFormatException("max pooling needs a size >= 1");
                    }
                    h /= s.kernel();
                    w /= s.kernel();
                }
                case DENSE -> {
                    if (s.units() < 1) {
                        throw new ModelFormatException("dense needs units >= 1");
                    }
                    parameters += (c * h * w + 1) * s.units();
                    c = s.units();
                    h = 1;
                    w = 1;
                }
                case FLATTEN -> {
                    c = c * h * w;
                    h = 1;
                    w = 1;
                }
                case GLOBAL_AVERAGE_POOL -> {
                    h = 1;
                    w = 1;
                }
                default -> { }
            }
            if (h < 1 || w < 1 || (long) c * h * w > MAX_ACTIVATIONS || parameters > MAX_BYTES / 4) {
                throw new ModelFormatException("network shape out of range at layer " + s.kind());
            }
        }
        return parameters;
    }

    private static int bounded(int value, int min, int max, String what) throws ModelFormatException {
        if (value < min || value > max) {
            throw new ModelFormatException(what + " out of range: " + value);
        }
        return value;
    }
}
