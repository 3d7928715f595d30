package org.teachbox.engine.layers;

/**
 * Whether the engine may use {@link VectorKernels}. They need the {@code jdk.incubator.vector}
 * module, which a JVM only has when started with {@code --add-modules jdk.incubator.vector}
 * (the Maven build, the Dockerfile and the benchmark do that). Without it every layer runs on its
 * plain-Java loops: the same maths (weight gradients differ only in rounding), about 1.7 times
 * slower. The system property
 * {@code teachbox.engine.vector=false} turns the vector loops off, for comparisons.
 *
 * <p>This class names no vector type, so checking it never loads the module's classes.
 */
public final class VectorSupport {
    private VectorSupport() {}

    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("teachbox.engine.vector"));

    /** True if 3 x 3 convolutions run on the Vector API (see {@link PaddedConv3x3}). */
    public static boolean enabled() {
        return ENABLED;
    }
}
