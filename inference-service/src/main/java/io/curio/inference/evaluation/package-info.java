/**
 * Offline evaluation: readers held out by a seeded protocol ({@link io.curio.inference.evaluation.HeldOutSplit}),
 * each algorithm trained on the rest and its lists measured with Recall, NDCG and coverage
 * ({@link io.curio.inference.evaluation.ModelEvaluation}), and {@code ./curio evaluate}
 * ({@link io.curio.inference.evaluation.EvaluateCommand}), which runs it on a goodbooks folder. Nothing here needs
 * a Spring context.
 */
package io.curio.inference.evaluation;
