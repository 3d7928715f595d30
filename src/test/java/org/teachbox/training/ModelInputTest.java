package org.teachbox.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.teachbox.engine.Augmentation;
import org.teachbox.project.ModelKind;

/**
 * Training inputs are augmented in model space, validation and prediction inputs are not; both
 * must be the same kind of numbers. For photos, forModel(x) = x - 1/2, so the augmentation the
 * app uses must satisfy aug(forModel(x)) = forModel(augInPictureSpace(x)): the clip follows the
 * shift to [-1/2, 1/2]. Clipping centred inputs at 0, as before, turned every dark pixel of
 * every training picture black while validation kept them dark grey.
 */
class ModelInputTest {

    private static float[] picture(ModelKind kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int size = kind.inputSize();
        float[] x = new float[kind.channels() * size * size];
        for (int i = 0; i < x.length; i++) {
            // half the picture dark (0..0.3), half anything: the dark half is what the bug clipped
            x[i] = (float) (i % size < size / 2 ? 0.3 * random.nextDouble() : random.nextDouble());
        }
        return x;
    }

    @Test
    void blackAndWhiteMapToTheEndsOfTheModelRange() {
        for (ModelKind kind : ModelKind.values()) {
            assertThat(ModelInput.forModel(kind, new float[] {0f, 1f})).containsExactly(ModelInput.low(kind), ModelInput.high(kind));
        }
        assertThat(ModelInput.low(ModelKind.IMAGE)).isEqualTo(-0.5f);
        assertThat(ModelInput.low(ModelKind.DIGITS)).isEqualTo(0f);
    }

    @Test
    void augmentingModelInputsEqualsAugmentingThePictureThenConverting() {
        for (ModelKind kind : new ModelKind[] {ModelKind.IMAGE, ModelKind.DIGITS}) {
            int s = kind.inputSize(), c = kind.channels();
            Augmentation inModelSpace = ModelInput.augmentation(kind);
            Augmentation inPictureSpace = Augmentation.defaults(kind != ModelKind.DIGITS);
            for (int seed = 0; seed < 10; seed++) {
                float[] picture = picture(kind, seed);
                float[] viaModel = new float[picture.length];
                inModelSpace.apply(ModelInput.forModel(kind, picture), c, s, s, viaModel, 0, new SplittableRandom(seed));
                float[] viaPicture = new float[picture.length];
                inPictureSpace.apply(picture, c, s, s, viaPicture, 0, new SplittableRandom(seed));
                float[] expected = ModelInput.forModel(kind, viaPicture);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(viaModel[i]).as("%s seed %d pixel %d", kind, seed, i).isCloseTo(expected[i], within(1e-6f));
                }
            }
        }
    }

    @Test
    void augmentedPhotoInputsKeepTheirDarkPixelsBelowZeroLikeValidationInputs() {
        ModelKind kind = ModelKind.IMAGE;
        int s = kind.inputSize();
        float[] validation = ModelInput.forModel(kind, picture(kind, 7));
        float[] train = new float[validation.length];
        ModelInput.augmentation(kind).apply(validation, 3, s, s, train, 0, new SplittableRandom(7));
        assertThat(negativeShare(validation)).isGreaterThan(0.5);
        // brightness moves some values across zero, but the dark half of the picture stays dark
        assertThat(negativeShare(train)).as("share of augmented training inputs below 0").isGreaterThan(0.4);
        for (float v : train) {
            assertThat(v).isBetween(ModelInput.low(kind), ModelInput.high(kind));
        }
    }

    @Test
    void digitsAreNeverMirroredButPhotosMayBe() {
        assertThat(ModelInput.augmentation(ModelKind.DIGITS).horizontalFlip()).isFalse();
        assertThat(ModelInput.augmentation(ModelKind.IMAGE).horizontalFlip()).isTrue();
    }

    @Test
    void digitsKeepThePictureSpaceAugmentationTheyAlwaysHad() {
        // digits go to the network as pictures (0..1), so clipping to [0, 1] was right for them
        assertThat(ModelInput.augmentation(ModelKind.DIGITS)).isEqualTo(Augmentation.defaults(false));
    }

    private static double negativeShare(float[] x) {
        int n = 0;
        for (float v : x) {
            if (v < 0) {
                n++;
            }
        }
        return (double) n / x.length;
    }
}
