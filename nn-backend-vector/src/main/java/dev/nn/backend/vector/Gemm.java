package dev.nn.backend.vector;

import static dev.nn.backend.vector.GemmShape.KC;
import static dev.nn.backend.vector.GemmShape.MC;
import static dev.nn.backend.vector.GemmShape.MR;
import static dev.nn.backend.vector.GemmShape.NC;
import static dev.nn.backend.vector.GemmShape.NR;
import static dev.nn.backend.vector.Lanes.F;
import static dev.nn.backend.vector.Lanes.L;
import static dev.nn.backend.vector.Packing.PANEL_STEP;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Packed, cache-blocked GEMM split over a {@link WorkerPool}.
 *
 * <p>Each part owns a contiguous range of MR-row panels or of NR-column slivers of C (see
 * {@link #splitRows}) and computes it alone, k blocks in ascending order; or, for the shapes
 * {@link #halves} picks, one half of the depth. Because a tile's arithmetic does not depend on
 * who computes it, the result is bit-identical for any thread count.
 * One call runs at a time (calls are serialized), so the fields describing it are plain fields.
 */
final class Gemm implements WorkerPool.Parts {

    /**
     * Below this many multiply-adds, handing work to another thread costs more than it saves. The
     * batch-256 output layer's GEMMs (256K each, 10 columns wide) took 63 µs a step on two threads
     * against 47 on one.
     */
    private static final long SERIAL_WORK = 1L << 19;
    /** See {@link #weightBound()}. */
    private static final long WEIGHT_BOUND_WORK = 1L << 24;
    private static final int SMALL_BATCH = 64;
    /**
     * A part with at most this many rows reads a row-major B in place instead of packing it:
     * packing costs about as much per element of B as 8 rows of multiply-adds, and B's rows are
     * already NR-contiguous per step. (The batch-32 forward pass packed all of W every step; at
     * batch 256 on 2 threads, packing W for each 128-row half made the forward GEMM a third slower
     * alone, 198 against 270 GFLOP/s, and no faster in training.)
     */
    static final int DIRECT_B_MAX_ROWS = 256;
    private static final int CACHE_LINE_FLOATS = 16;
    /**
     * {@link #rowsOfB} only from this depth: its transposed store costs about what transposing 40
     * steps of B's rows does, and the output layer's 32×100×10 product took 3.4-4.6 µs so against
     * 2.9-3.2 the usual way.
     */
    private static final int ROWS_OF_B_MIN_DEPTH = 64;
    /**
     * {@link MicroKernel#multiplyWideColumns} only from this depth: its tile goes into C value by
     * value, which at the depth of a batch of 32 cost more than the narrow tile's multiply-adds
     * saved (the 784×300×32 weight gradient, its last 12 columns so: 167-168 → 172-207 µs).
     */
    private static final int WIDE_MIN_DEPTH = 64;
    /** Floats of a packed KC×NC B panel. */
    private static final int PANEL = KC * NC;
    /** The most floats of C a part's block may have and still stay in L2 (1 MB) between depth blocks. */
    private static final long C_IN_L2 = 1L << 18;
    /** At most this many B panels (8 MB) are packed for one pass over C. */
    private static final int MAX_PANELS_PER_PASS = 8;

    private final WorkerPool pool;
    private final Workspace[] workspaces;
    private final HalvesSum halvesSum;
    /** The second half of the depth's sum when it is a part of its own (see {@link #halves}). */
    private float[] secondHalf = new float[0];

    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private float alpha;
    private float[] a;
    private float[] b;
    private float[] c;
    private boolean accumulate;
    private TileEpilogue epilogue;
    private boolean splitRows;
    private boolean halves;
    private boolean transposedProduct;
    private int tiles;
    private int parts;

    Gemm(WorkerPool pool) {
        this.pool = pool;
        this.workspaces = new Workspace[pool.size()];
        for (int t = 0; t < workspaces.length; t++) {
            workspaces[t] = new Workspace();
        }
        this.halvesSum = new HalvesSum(pool);
    }

    /** C = alpha·op(A)·op(B) (+ C when accumulate), then the epilogue; alpha·op(A) is rounded to float. */
    synchronized void multiply(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a,
                               float[] b, float[] c, boolean accumulate, TileEpilogue epilogue) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, 0, m * n, 0f);
            }
            if (epilogue != null) {
                epilogue.apply(c, n, 0, 0, m, n);
            }
            return;
        }
        if (m <= FewRows.MAX_ROWS && !transB) {
            FewRows.multiply(transA, m, n, k, alpha, a, b, c, accumulate);
            if (epilogue != null) {
                epilogue.apply(c, n, 0, 0, m, n);
            }
            return;
        }
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.c = c;
        this.accumulate = accumulate;
        this.epilogue = epilogue;
        int threads = (long) m * n * k < SERIAL_WORK || weightBound() ? 1 : pool.size();
        halves = halves();
        transposedProduct = transB && !transA && m <= NR && k >= ROWS_OF_B_MIN_DEPTH;
        if (halves) {
            // each half's rows in threads / 2 groups: parts 2g and 2g + 1 are group g's two halves
            parts = threads == 1 ? 1 : 2 * Math.min(threads / 2, Packing.ceil(m, MR));
            if (secondHalf.length < m * n) {
                secondHalf = new float[m * n];
            }
        } else {
            splitRows = !transposedProduct && splitRows(threads);
            tiles = splitRows ? Packing.ceil(m, MR) : Packing.ceil(n, NR);
            parts = Math.min(threads, tiles);
        }
        try {
            pool.run(this, parts);
            if (halves && parts > 1) {
                halvesSum.add(c, secondHalf, m, n, epilogue);
            }
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.epilogue = null;
        }
    }

    /**
     * A product of a small batch with a weight matrix: x·W or dy·Wᵀ with at most SMALL_BATCH
     * rows, or xᵀ·dy over as few, under 2^24 multiply-adds, unless {@link #splitsRowsOfW} holds.
     * A second part would do fewer than 64 multiply-adds per weight it reads, about what fetching
     * that weight from the other core costs when the last step wrote it there: batch-32 training
     * ran 10% slower on two threads than on one with these split by rows of the batch, though
     * each GEMM alone, with hot caches, ran 1.6 times faster.
     */
    private boolean weightBound() {
        boolean smallBatch = m <= SMALL_BATCH || (transA && k <= SMALL_BATCH);
        return smallBatch && (long) m * n * k < WEIGHT_BOUND_WORK && !splitsRowsOfW();
    }

    /**
     * Whether each part's share of W is a range of its rows, about the same range in the three
     * GEMMs of a layer whose W has more than one depth block of rows (here the first two layers,
     * 784×300 and 300×100): x·W summed in {@link #halves}, xᵀ·dy split by rows of C, and dy·Wᵀ,
     * whose columns of C are rows of W and which {@link #splitRows} splits by columns. Each core
     * then keeps its rows of W in its own cache from one step to the next (on a core with a 1 MB
     * L2, half of a 784×300 W fits and all of it does not), whatever the batch. Batch-32
     * training on two threads went from 61-67k to 71-82k samples/s (medians of epochs 2-8, Zen 4)
     * with the first layer's GEMMs split so; the second layer's three GEMMs, 80 µs a step on one
     * thread, then took 59 µs split.
     */
    private boolean splitsRowsOfW() {
        return halves() || (transA && !transB && Packing.ceil(m, KC) > 1)
                || (!transA && transB && Packing.ceil(n, KC) > 1);
    }

    /**
     * Whether the depth is summed in two halves, each from zero, and then added: x·W where the
     * batch reads W in place (at most DIRECT_B_MAX_ROWS rows) over more than one depth block.
     * On two threads each half is a part (on more, each half of a group of rows), so each core
     * reads half of W: the rows that its part of the weight gradient (split by rows of W) wrote
     * in the last step, not all of W with half of it in the other core's cache. In batch-256
     * training the two parts of the first layer's forward GEMM took 460-480 µs so, and the whole
     * call about 640 µs split by rows. The rule looks at the shape alone, so one thread adds in
     * the same order and the result does not depend on the thread count.
     */
    private boolean halves() {
        return !transA && !transB && m <= DIRECT_B_MAX_ROWS && Packing.ceil(k, KC) > 1;
    }

    /**
     * Whether parts should own rows rather than columns of C, by a rough count of cycles of the
     * slowest part: its multiply-adds (32 a cycle), including the idle share when the tiles do
     * not divide evenly, plus the packing every part repeats, of all of B when rows are split or
     * all of A when columns are. Packing costs about 0.25 cycle an element for a vector copy,
     * 1 for a transposing copy (B stored transposed, A not), and nothing for a B read in place.
     */
    private boolean splitRows(int threads) {
        double rowTiles = Packing.ceil(m, MR);
        double colTiles = Packing.ceil(n, NR);
        int rowsPerPart = (int) Math.ceil(rowTiles / threads) * MR;
        double packB = transB ? 1 : rowsPerPart <= DIRECT_B_MAX_ROWS ? 0 : 0.25;
        double byRows = rowsPerPart * (double) n * k / 32.0 + (double) k * n * packB;
        double byCols = Math.ceil(colTiles / threads) * NR * m * k / 32.0 + (double) m * k * (transA ? 0.25 : 1);
        return byRows <= byCols;
    }

    @Override
    public void run(int part, int thread) {
        if (halves) {
            half(workspaces[thread], part);
            return;
        }
        int t0 = (int) ((long) tiles * part / parts);
        int t1 = (int) ((long) tiles * (part + 1) / parts);
        if (transposedProduct) {
            rowsOfB(workspaces[thread], t0 * NR, Math.min(n, t1 * NR));
        } else if (splitRows) {
            block(workspaces[thread], t0 * MR, Math.min(m, t1 * MR), 0, n);
        } else {
            block(workspaces[thread], 0, m, t0 * NR, Math.min(n, t1 * NR));
        }
    }

    /**
     * C[i0..i1) × [j0..j1) in NC×KC×MC blocks. The depth is cut into equal blocks of at most KC
     * (784 = 4 × 196, not 3 × 256 + 16, which would spend a whole pass over C on 16 steps); the
     * cut depends on k alone, so it is the same for every part. Each C block is computed over a
     * group of depth blocks before the next, so that it stays in L2 across them (see
     * {@link #depthBlocksPerPass}); the group's B panels are packed first, side by side.
     */
    private void block(Workspace ws, int i0, int i1, int j0, int j1) {
        int depth = depthBlock();
        boolean direct = !transB && i1 - i0 <= DIRECT_B_MAX_ROWS;
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            int group = direct ? 1 : depthBlocksPerPass(i1 - i0, nc, depth);
            for (int g = 0; g < k; g += group * depth) {
                int g1 = Math.min(k, g + group * depth);
                float[] panels = ws.panels(Packing.ceil(g1 - g, depth) * PANEL);
                for (int pc = g; pc < g1; pc += depth) {
                    int kc = Math.min(depth, k - pc);
                    if (direct) {
                        prepareInPlace(ws, i1 - i0, pc, kc, jc, nc);
                    } else {
                        Packing.packB(transB, b, n, k, pc, kc, jc, nc, ws, panels, (pc - g) / depth * PANEL);
                    }
                }
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    for (int pc = g; pc < g1; pc += depth) {
                        int kc = Math.min(depth, k - pc);
                        Packing.packA(transA, a, m, k, ic, mc, pc, kc, alpha, ws);
                        tiles(ws, kc, pc, ic, mc, jc, nc, pc == 0 && !accumulate, pc + kc == k, direct, panels,
                                (pc - g) / depth * PANEL, c, null);
                    }
                }
            }
        }
    }

    /**
     * Columns [j0, j1) of C = op(A)·Bᵀ for at most NR rows of A, computed as their transpose
     * B·op(A)ᵀ: MR rows of the stored B at a time, read in place by {@link MicroKernel#multiplyRows},
     * against op(A) packed as one sliver (scaled by alpha as it would be as A). Each element is
     * the same chain of multiply-adds over the same depth blocks as on the usual path, so the bits
     * are the same; the usual path would transpose all of B into slivers first (70 µs of the
     * 32×784·(784×300)ᵀ product's 200 on one thread). Rows of B past the last whole MR are copied
     * into a zero-padded panel first. The tile goes into C value by value: gathering each row of
     * C's MR values down the tile made that product slower (64 against 83-87 GFLOP/s on Zen 4).
     */
    private void rowsOfB(Workspace ws, int j0, int j1) {
        int depth = depthBlock();
        float[] sliver = ws.panels(PANEL);
        for (int pc = 0; pc < k; pc += depth) {
            int kc = Math.min(depth, k - pc);
            Packing.packTransposedA(a, m, k, pc, kc, alpha, ws, sliver);
            boolean first = pc == 0 && !accumulate;
            for (int j = j0; j < j1; j += MR) {
                int rows = Math.min(MR, j1 - j);
                if (rows == MR) {
                    MicroKernel.multiplyRows(kc, b, j * k + pc, k, sliver, 0, ws.tile);
                } else {
                    float[] part = ws.a;
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(b, (j + r) * k + pc, part, r * kc, kc);
                    }
                    Arrays.fill(part, rows * kc, MR * kc, 0f);
                    MicroKernel.multiplyRows(kc, part, 0, kc, sliver, 0, ws.tile);
                }
                // column r of this part of C is row r of the tile, row i of C lane i
                storeColumns(ws.tile, 0, NR, c, null, 0, j, m, rows, first);
                if (pc + kc == k && epilogue != null) {
                    epilogue.apply(c, n, 0, j, m, rows);
                }
            }
        }
    }

    /** The depth of a block: k cut into equal blocks of at most KC, the same for every part. */
    private int depthBlock() {
        return Packing.ceil(k, Packing.ceil(k, KC));
    }

    /**
     * How many depth blocks each pass over a C block covers. One, the usual order, while the
     * block (rows × nc) fits in L2 beside the packed A, so that it is still there for the next
     * depth block; else as many as {@link #MAX_PANELS_PER_PASS} allows, the C block of MC rows
     * staying in L2 while their B panels stream from L3. 2048³ on one thread went from 133 to
     * 142–146 GFLOP/s (1024³ moved within its noise): before, each depth block passed over all
     * of a 4–8 MB C block in L3.
     */
    private int depthBlocksPerPass(int rows, int nc, int depth) {
        return (long) rows * nc <= C_IN_L2 ? 1 : Math.min(MAX_PANELS_PER_PASS, Packing.ceil(k, depth));
    }

    /**
     * Depth blocks [0, mid) are summed into C, [mid, k) into the second half's own sum, each
     * starting from zero. One part does both halves and adds them in its last block: that block's
     * tile plus the second half's sum so far, plus C. Otherwise each part does one half of a group
     * of rows; the second half's last block stores its tile plus its sum so far, and
     * {@link HalvesSum} adds C to it. Both orders make the same float additions.
     */
    private void half(Workspace ws, int part) {
        int depth = depthBlock();
        int mid = Packing.ceil(k, depth) / 2 * depth;
        boolean both = parts == 1;
        int p0 = both || part % 2 == 0 ? 0 : mid;
        int p1 = both || part % 2 == 1 ? k : mid;
        int groups = Math.max(1, parts / 2);
        int rowTiles = Packing.ceil(m, MR);
        int i0 = rowTiles * (part / 2) / groups * MR;
        int i1 = Math.min(m, rowTiles * (part / 2 + 1) / groups * MR);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = p0; pc < p1; pc += depth) {
                int kc = Math.min(depth, k - pc);
                prepareInPlace(ws, i1 - i0, pc, kc, jc, nc);
                boolean second = pc >= mid;
                boolean joins = both && pc + kc == k;
                float[] out = second && !joins ? secondHalf : c;
                boolean first = !joins && (second ? pc == mid : pc == 0 && !accumulate);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    Packing.packA(false, a, m, k, ic, mc, pc, kc, alpha, ws);
                    // a second half of one block has no sum so far: its tile is the whole half
                    tiles(ws, kc, pc, ic, mc, jc, nc, first, joins, true, ws.panels(PANEL), 0, out,
                            joins && pc > mid ? secondHalf : null);
                }
            }
        }
    }

    /**
     * Reads the block of B about to be read in place, a value per cache line in address order, so
     * that it streams into the cache: the prefetcher follows this walk, not the kernel's, which
     * goes down one sliver's rows at a time, n floats apart. In batch-256 training a weight matrix
     * comes from L3 every step, and each 128-row half of the forward GEMM on 2 threads took 0.6 of
     * the whole GEMM's time on 1 without this, 0.55 with it. A small batch skips it: its weights
     * stay in L2 from step to step, and the walk only added to the batch-32 forward GEMM.
     */
    private void touch(Workspace ws, int pc, int kc, int jc, int nc) {
        int bits = 0; // integer ors: a chain of float adds would hold the walk to one line per add's latency
        for (int p = pc; p < pc + kc; p++) {
            int row = p * n + jc;
            for (int j = 0; j < nc; j += CACHE_LINE_FLOATS) {
                bits |= Float.floatToRawIntBits(b[row + j]);
            }
        }
        ws.touched = bits;
    }

    /**
     * Before a part of {@code rows} rows reads a block of B in place: the walk that streams it
     * into the cache (see {@link #touch}), for parts over SMALL_BATCH rows, and the packing of a
     * last sliver narrower than NR (zero-padded), the only one not read in place.
     */
    private void prepareInPlace(Workspace ws, int rows, int pc, int kc, int jc, int nc) {
        if (rows > SMALL_BATCH) {
            touch(ws, pc, kc, jc, nc);
        }
        int edge = nc % NR;
        if (edge != 0) {
            Packing.packB(false, b, n, k, pc, kc, jc + nc - edge, edge, ws, ws.panels(PANEL), 0);
        }
    }

    /**
     * All micro-tiles of one block into {@code out} (C or the second half's sum), with {@code sum}
     * (if not null) added to each tile before {@code out}; the B sliver stays in L1 while the A
     * panels pass. Full slivers come from the packed panel at {@code panelOff}, or from B itself
     * when {@code direct}; then an edge sliver is the only one packed, at the start of the panel.
     */
    private void tiles(Workspace ws, int kc, int pc, int ic, int mc, int jc, int nc, boolean first, boolean last,
                       boolean direct, float[] panel, int panelOff, float[] out, float[] sum) {
        for (int jr = 0; jr < nc; jr += NR) {
            int cols = Math.min(NR, nc - jr);
            int width = cols == NR ? 0 : columnTile(cols, kc);
            float[] bs;
            int bOff;
            int ldb;
            if (direct && cols == NR) {
                bs = b;
                bOff = pc * n + jc + jr;
                ldb = n;
            } else {
                bs = panel;
                bOff = panelOff + (direct ? 0 : jr * KC);
                ldb = NR;
            }
            for (int ir = 0; ir < mc; ir += MR) {
                int rows = Math.min(MR, mc - ir);
                if (rows == MR && cols == NR) {
                    MicroKernel.multiply(kc, ws.a, ir * KC, bs, bOff, ldb, out, (ic + ir) * n + jc + jr, n, !first,
                            sum);
                } else if (width > 0) {
                    // panels in pairs: the even one computes both, the odd one stores its half
                    boolean second = ir / MR % 2 == 1;
                    if (!second) {
                        int pair = ir + MR < mc ? ir + MR : ir;
                        if (width == MicroKernel.COLUMNS) {
                            MicroKernel.multiplyColumns(kc, ws.a, ir * KC, pair * KC, bs, bOff, ldb, ws.tile);
                        } else {
                            MicroKernel.multiplyWideColumns(kc, ws.a, ir * KC, pair * KC, bs, bOff, ldb, ws.tile);
                        }
                    }
                    storeColumns(ws.tile, second ? width * MR : 0, MR, out, sum, ic + ir, jc + jr, rows, cols, first);
                } else if (cols <= L) {
                    MicroKernel.multiplyNarrow(kc, ws.a, ir * KC, bs, bOff, ldb, ws.tile, NR);
                    store(ws.tile, out, sum, ic + ir, jc + jr, rows, cols, first);
                } else {
                    MicroKernel.multiply(kc, ws.a, ir * KC, bs, bOff, ldb, ws.tile, 0, NR, false, null);
                    store(ws.tile, out, sum, ic + ir, jc + jr, rows, cols, first);
                }
                if (last && epilogue != null) {
                    epilogue.apply(out, n, ic + ir, jc + jr, rows, cols);
                }
            }
        }
    }

    /**
     * The width of the column tile (lanes down two A panels) that takes an edge sliver of
     * {@code cols} columns at depth kc: {@link MicroKernel#COLUMNS}, {@link MicroKernel#WIDE_COLUMNS}
     * from {@link #WIDE_MIN_DEPTH} where the machine has the registers, or 0 for none.
     */
    private static int columnTile(int cols, int kc) {
        if (PANEL_STEP == null) {
            return 0;
        }
        if (cols <= MicroKernel.COLUMNS) {
            return MicroKernel.COLUMNS;
        }
        return cols <= MicroKernel.WIDE_COLUMNS && kc >= WIDE_MIN_DEPTH && MicroKernel.WIDE_AVAILABLE
                ? MicroKernel.WIDE_COLUMNS : 0;
    }

    /**
     * A tile laid out column by column, column c of it from tile[off + c·ld] down its rows, into C
     * as {@link #store} does: an edge tile of {@link MicroKernel#multiplyColumns} or
     * {@link MicroKernel#multiplyWideColumns} (ld = MR), or a
     * tile of {@link #rowsOfB}, whose rows are C's columns (ld = NR).
     */
    private void storeColumns(float[] tile, int off, int ld, float[] out, float[] sum, int i0, int j0, int rows,
                              int cols, boolean first) {
        for (int r = 0; r < rows; r++) {
            int ci = (i0 + r) * n + j0;
            for (int c = 0; c < cols; c++) {
                float t = tile[off + c * ld + r];
                if (sum != null) {
                    t += sum[ci + c];
                }
                if (!first) {
                    t += out[ci + c];
                }
                out[ci + c] = t;
            }
        }
    }

    /** An edge tile, computed into the scratch tile: out = tile (+ sum) (+ out unless first). */
    private void store(float[] tile, float[] out, float[] sum, int i0, int j0, int rows, int cols, boolean first) {
        for (int v = 0; v < cols; v += L) {
            VectorMask<Float> mask = F.indexInRange(v, cols);
            for (int r = 0; r < rows; r++) {
                int ci = (i0 + r) * n + j0 + v;
                FloatVector t = FloatVector.fromArray(F, tile, r * NR + v);
                if (sum != null) {
                    t = t.add(FloatVector.fromArray(F, sum, ci, mask));
                }
                if (!first) {
                    t = t.add(FloatVector.fromArray(F, out, ci, mask));
                }
                t.intoArray(out, ci, mask);
            }
        }
    }
}
