package org.teachbox.bias;

/**
 * A spurious cue stamped onto images: the "sticker on the mirror". A model that sees it on every
 * image of one class may learn the sticker instead of the thing. Works on CHW floats in [0,1].
 */
public enum Cue {
    /** A bright magenta square in the top-left corner. */
    CORNER_PATCH {
        @Override
        public void stamp(float[] chw, int channels, int size) {
            int side = Math.max(2, size / 5);
            float[] colour = {1f, 0f, 1f};
            for (int c = 0; c < channels; c++) {
                float v = channels == 1 ? 1f : colour[c];
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        chw[c * size * size + y * size + x] = v;
                    }
                }
            }
        }

        @Override
        public boolean inRegion(int x, int y, int size) {
            int side = Math.max(2, size / 5);
            return x < side && y < side;
        }
    },
    /** A warm orange tint over the whole image. */
    TINT {
        @Override
        public void stamp(float[] chw, int channels, int size) {
            float[] shift = {0.25f, 0.08f, -0.2f};
            int plane = size * size;
            for (int c = 0; c < channels; c++) {
                float s = channels == 1 ? 0.15f : shift[c];
                for (int i = 0; i < plane; i++) {
                    chw[c * plane + i] = Math.clamp(chw[c * plane + i] + s, 0f, 1f);
                }
            }
        }

        @Override
        public boolean inRegion(int x, int y, int size) {
            return true;
        }
    },
    /** A small dark cross, like a watermark, in the bottom-right corner. */
    WATERMARK {
        @Override
        public void stamp(float[] chw, int channels, int size) {
            int arm = Math.max(2, size / 10);
            int cx = size - arm - 2;
            int cy = size - arm - 2;
            for (int c = 0; c < channels; c++) {
                for (int d = -arm; d <= arm; d++) {
                    for (int t = -1; t <= 0; t++) {
                        chw[c * size * size + (cy + t) * size + (cx + d)] = 0.05f;
                        chw[c * size * size + (cy + d) * size + (cx + t)] = 0.05f;
                    }
                }
            }
        }

        @Override
        public boolean inRegion(int x, int y, int size) {
            int arm = Math.max(2, size / 10);
            return x >= size - 2 * arm - 3 && y >= size - 2 * arm - 3;
        }
    };

    /** Paints the cue onto the image in place. */
    public abstract void stamp(float[] chw, int channels, int size);

    /** Whether pixel (x, y) belongs to the cue; used to measure where saliency falls. */
    public abstract boolean inRegion(int x, int y, int size);
}
