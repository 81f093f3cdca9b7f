/**
 * The "vector" backend: every kernel of {@link dev.nn.api.backend.Backend} written with
 * {@code jdk.incubator.vector}.
 *
 * <ul>
 *   <li>{@link dev.nn.backend.vector.VectorBackend} delegates to one small kernel class per
 *       family (unary, binary, softmax, reductions, optimizers, GEMM);</li>
 *   <li>GEMM packs op(A) and op(B) into cache-sized blocks ({@code GemmShape}), runs an 8×2-vector
 *       register tile ({@code MicroKernel}) and splits the rows or columns of C, or for x·W the
 *       two halves of the depth, over a fixed {@code WorkerPool}, so that each core keeps the same
 *       rows of a weight matrix from one kernel to the next; a tile's arithmetic never depends on
 *       the thread count, so results are bit-identical for 1 and N threads;</li>
 *   <li>{@link dev.nn.backend.vector.VectorBackendProvider} names no Vector API class, so it loads
 *       (and says what is missing) in a JVM started without {@code --add-modules jdk.incubator.vector}.</li>
 * </ul>
 */
package dev.nn.backend.vector;
