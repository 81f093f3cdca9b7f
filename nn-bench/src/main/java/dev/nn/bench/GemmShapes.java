package dev.nn.bench;

/**
 * The GEMMs the benchmark table measures: the first layer of the Fashion-MNIST MLP (784 -> 300) at
 * batch 32 and 256 in its three products, then squares whose blocks outgrow the caches. The second
 * and output layers' products are for nn's own tuning; the table has no peer for them.
 */
public enum GemmShapes {
    B32_FWD(new Product("B32 fwd x·W (784->300)", false, false, 32, 300, 784)),
    B32_DW(new Product("B32 dW = xᵀ·dy (784->300)", true, false, 784, 300, 32)),
    B32_DX(new Product("B32 dx = dy·Wᵀ (784->300)", false, true, 32, 784, 300)),
    B256_FWD(new Product("B256 fwd x·W (784->300)", false, false, 256, 300, 784)),
    B256_DW(new Product("B256 dW = xᵀ·dy (784->300)", true, false, 784, 300, 256)),
    B256_DX(new Product("B256 dx = dy·Wᵀ (784->300)", false, true, 256, 784, 300)),
    B32_HIDDEN_FWD(new Product("B32 hidden fwd x·W (300->100)", false, false, 32, 100, 300)),
    B32_HIDDEN_DW(new Product("B32 hidden dW = xᵀ·dy (300->100)", true, false, 300, 100, 32)),
    B32_HIDDEN_DX(new Product("B32 hidden dx = dy·Wᵀ (300->100)", false, true, 32, 300, 100)),
    B256_OUT_FWD(new Product("B256 out fwd x·W (100->10)", false, false, 256, 10, 100)),
    B256_OUT_DW(new Product("B256 out dW = xᵀ·dy (100->10)", true, false, 100, 10, 256)),
    B256_OUT_DX(new Product("B256 out dx = dy·Wᵀ (100->10)", false, true, 256, 100, 10)),
    SQUARE_1024(new Product("square 1024", false, false, 1024, 1024, 1024)),
    SQUARE_2048(new Product("square 2048", false, false, 2048, 2048, 2048));

    /** One product, C = op(A)·op(B) with C m×n and depth k; its title names the table's row. */
    public record Product(String title, boolean transA, boolean transB, int m, int n, int k) {

        public double flops() {
            return 2.0 * m * n * k;
        }
    }

    private final Product product;

    GemmShapes(Product product) {
        this.product = product;
    }

    public Product product() {
        return product;
    }
}
