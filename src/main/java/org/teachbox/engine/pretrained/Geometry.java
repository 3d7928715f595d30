package org.teachbox.engine.pretrained;

/**
 * The sizes of one convolution on channels-last (HWC) images: input ih x iw x ic, a kh x kw
 * window moved by stride, padTop/padLeft zero rows and columns before the image (the bottom and
 * right padding follow from the output size), output oh x ow x oc. Keras' "same" padding and
 * MobileNetV2's ZeroPadding2D((0,1),(0,1)) before a stride-2 layer are both just numbers here.
 */
record Geometry(int ih, int iw, int ic, int kh, int kw, int stride, int padTop, int padLeft, int oh, int ow, int oc) {

    /** Keras' padding "same" (out = ceil(in / stride), any odd pixel of padding goes bottom/right) or "valid". */
    static Geometry of(int ih, int iw, int ic, int kh, int kw, int stride, boolean same, int oc) {
        if (!same) {
            return new Geometry(ih, iw, ic, kh, kw, stride, 0, 0, (ih - kh) / stride + 1, (iw - kw) / stride + 1, oc);
        }
        int oh = (ih + stride - 1) / stride;
        int ow = (iw + stride - 1) / stride;
        int padH = Math.max((oh - 1) * stride + kh - ih, 0);
        int padW = Math.max((ow - 1) * stride + kw - iw, 0);
        return new Geometry(ih, iw, ic, kh, kw, stride, padH / 2, padW / 2, oh, ow, oc);
    }
}
