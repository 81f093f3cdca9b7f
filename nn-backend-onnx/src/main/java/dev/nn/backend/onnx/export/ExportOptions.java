package dev.nn.backend.onnx.export;

/**
 * How {@link OnnxExporter} writes a model.
 *
 * @param opset the ai.onnx operator set, from {@value #MIN_OPSET} (the default, which Debian's
 *              onnx 1.12 checker and onnxruntime 1.23 both accept) to {@value #MAX_OPSET}
 */
public record ExportOptions(int opset) {

    public static final int MIN_OPSET = 17;
    public static final int MAX_OPSET = 21;

    public ExportOptions {
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw new IllegalArgumentException("ONNX export supports opsets " + MIN_OPSET + " to " + MAX_OPSET
                    + ", got " + opset);
        }
    }

    public static ExportOptions defaults() {
        return new ExportOptions(MIN_OPSET);
    }

    public ExportOptions withOpset(int opset) {
        return new ExportOptions(opset);
    }

    /**
     * The oldest IR version that can carry this opset (ONNX 1.12/1.13: 8, 1.14/1.15: 9, 1.16: 10),
     * so that older runtimes still load the file.
     */
    public int irVersion() {
        return opset <= 18 ? 8 : opset <= 20 ? 9 : 10;
    }
}
