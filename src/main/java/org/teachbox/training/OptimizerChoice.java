package org.teachbox.training;

import org.teachbox.engine.optim.Adam;
import org.teachbox.engine.optim.Optimizer;
import org.teachbox.engine.optim.RmsProp;
import org.teachbox.engine.optim.Sgd;

/** The optimizers a learner can pick under "Advanced"; each knows how to build its engine class. */
public enum OptimizerChoice {
    ADAM {
        @Override
        public Optimizer create(float learningRate) {
            return new Adam(learningRate);
        }
    },
    SGD {
        @Override
        public Optimizer create(float learningRate) {
            return new Sgd(learningRate, 0f);
        }
    },
    MOMENTUM {
        @Override
        public Optimizer create(float learningRate) {
            return new Sgd(learningRate, 0.9f);
        }
    },
    RMSPROP {
        @Override
        public Optimizer create(float learningRate) {
            return new RmsProp(learningRate);
        }
    };

    public abstract Optimizer create(float learningRate);
}
