package org.teachbox.engine.layers;

import java.util.List;
import org.teachbox.engine.Parameter;
import org.teachbox.engine.Shape;
import org.teachbox.engine.Tensor;

/**
 * One step of a network. Every layer has the same contract, as in ConvNetJS: {@code forward}
 * computes the output and caches what {@code backward} will need; {@code backward} takes the
 * gradient of the loss with respect to the output, adds the gradients of the layer's own
 * parameters into their {@code grad} arrays and returns the gradient with respect to the input.
 *
 * <p>Returned tensors are the layer's own buffers and are overwritten by the next call, so a
 * caller that wants to keep one must copy it. A layer object is used by one thread at a time;
 * parallel workers each use a {@link #replica()}.
 */
public interface Layer {

    /** Short lower-case name as in Keras summaries, e.g. {@code conv2d}. */
    String name();

    Shape inputShape();

    Shape outputShape();

    Tensor forward(Tensor in, boolean training);

    /** Returns the gradient with respect to the input (or null if the layer was told it is not needed). */
    Tensor backward(Tensor gradOut);

    default List<Parameter> parameters() {
        return List.of();
    }

    /** A copy for another worker thread: shares the weights, owns its caches and gradients. */
    Layer replica();
}
