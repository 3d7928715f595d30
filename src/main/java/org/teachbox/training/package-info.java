/**
 * Training as a classroom needs it: {@link org.teachbox.training.TrainingService} runs jobs on a
 * fixed pool fed by a {@link org.teachbox.training.FairQueue} (fair between learners, one waiting
 * job each, a cost budget and a time limit per job), splits each class 85/15 with
 * {@link org.teachbox.training.StratifiedSplit}, and publishes progress events that pages
 * subscribe to on attach. It owns the concurrency; the engine it drives has none of its own
 * beyond the threads one job is given.
 *
 * <p>What decides held-out accuracy lives in the engine and is checked against PyTorch there;
 * here the oracle is the engine's own {@code Trainer} on the same split and seed, which the
 * service's results must equal run for run (PretrainedTrainingTest retrains to the same curve).
 */
package org.teachbox.training;
