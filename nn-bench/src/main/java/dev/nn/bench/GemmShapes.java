package dev.nn.bench;

/**
 * The GEMMs the benchmark table measures: the first layer of the Fashion-MNIST MLP (784 -> 300) at
 * batch 32 and 256 in its three products, then squares whose blocks outgrow the caches. The second
 * and output layers' products are for nn's own tuning; the table has no peer for them.
 */
public enum GemmShapes {
    B32_FWD("B32 fwd x·W (784->300)", false, false, 32, 300, 784),
    B32_DW("B32 dW = xᵀ·dy (784->300)", true, false, 784, 300, 32),
    B32_DX("B32 dx = dy·Wᵀ (784->300)", false, true, 32, 784, 300),
    B256_FWD("B256 fwd x·W (784->300)", false, false, 256, 300, 784),
    B256_DW("B256 dW = xᵀ·dy (784->300)", true, false, 784, 300, 256),
    B256_DX("B256 dx = dy·Wᵀ (784->300)", false, true, 256, 784, 300),
    B32_HIDDEN_FWD("B32 hidden fwd x·W (300->100)", false, false, 32, 100, 300),
    B32_HIDDEN_DW("B32 hidden dW = xᵀ·dy (300->100)", true, false, 300, 100, 32),
    B32_HIDDEN_DX("B32 hidden dx = dy·Wᵀ (300->100)", false, true, 32, 300, 100),
    B256_OUT_FWD("B256 out fwd x·W (100->10)", false, false, 256, 10, 100),
    B256_OUT_DW("B256 out dW = xᵀ·dy (100->10)", true, false, 100, 10, 256),
    B256_OUT_DX("B256 out dx = dy·Wᵀ (100->10)", false, true, 256, 100, 10),
    SQUARE_1024("square 1024", false, false, 1024, 1024, 1024),
    SQUARE_2048("square 2048", false, false, 2048, 2048, 2048);

    private final String title;
    private final boolean transA;
    private final boolean transB;
    private final int m;
    private final int n;
    private final int k;

    GemmShapes(String title, boolean transA, boolean transB, int m, int n, int k) {
        this.title = title;
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
    }

    /** The row's name in the table, as the peers' script names the same product. */
    public String title() {
        return title;
    }

    public boolean transA() {
        return transA;
    }

    public boolean transB() {
        return transB;
    }

    public int m() {
        return m;
    }

    public int n() {
        return n;
    }

    public int k() {
        return k;
    }

    public double flops() {
        return 2.0 * m * n * k;
    }
}
