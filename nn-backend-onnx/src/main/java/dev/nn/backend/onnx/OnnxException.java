package dev.nn.backend.onnx;

/** A failure to load, check or run an ONNX model; the message names the model and the part at fault. */
public class OnnxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OnnxException(String message) {
        super(message);
    }

    public OnnxException(String message, Throwable cause) {
        super(message, cause);
    }
}
