package dev.nn.backend.onnx;

/**
 * The bytes are not a well-formed ONNX model: not a ModelProto at all, or one whose graph or
 * tensors contradict themselves. Kept apart from {@link OnnxException} so that callers can tell
 * a bad file (fix or replace the file) from a failure to run a good one.
 */
public class InvalidModelException extends OnnxException {
    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
