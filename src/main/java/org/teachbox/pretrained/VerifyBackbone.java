package org.teachbox.pretrained;

import java.nio.file.Path;

import org.teachbox.engine.pretrained.Backbone;

/**
 * {@code java -cp target/classes org.teachbox.pretrained.VerifyBackbone DIR}: checks a downloaded
 * backbone with the loader the app uses (every tensor the network needs, by name and shape) and
 * that it is the expected MobileNetV2 (alpha 0.35, 224 px, 410,208 parameters). Exit 0 if it is.
 * scripts/get-backbone.sh runs it before moving a download into place. It uses the engine only,
 * so it runs without the rest of the app on the class path.
 */
public final class VerifyBackbone {

    static final long EXPECTED_PARAMETERS = 410_208;

    private VerifyBackbone() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: VerifyBackbone DIR");
            System.exit(2);
        }
        try {
            Backbone b = Backbone.load(Path.of(args[0]));
            if (b.parameterCount() != EXPECTED_PARAMETERS || b.inputSize() != 224 || b.embeddingSize() != 1280) {
                System.err.println("not the expected MobileNetV2: " + b.parameterCount() + " parameters, input "
                        + b.inputSize() + ", embedding " + b.embeddingSize());
                System.exit(1);
            }
            System.out.println("backbone ok: " + b.parameterCount() + " parameters, id " + b.fingerprint());
        } catch (Exception e) {
            System.err.println("not a usable backbone: " + e.getMessage());
            System.exit(1);
        }
    }
}
