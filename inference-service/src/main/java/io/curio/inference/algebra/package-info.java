/**
 * Numeric kernels for the item-based and factor models: a sparse reader × book matrix, EASE (closed form on the
 * item Gram matrix), implicit-feedback ALS and top-K selection. Plain Java loops shaped so that the JIT
 * vectorizes them; multi-threaded through a bounded {@link io.curio.inference.algebra.ComputePool}. Nothing here
 * is served yet.
 */
package io.curio.inference.algebra;
