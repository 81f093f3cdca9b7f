package dev.nn.io.tensorboard;

import com.google.protobuf.ByteString;
import dev.nn.io.tensorboard.proto.DataClass;
import dev.nn.io.tensorboard.proto.DataType;
import dev.nn.io.tensorboard.proto.Summary;
import dev.nn.io.tensorboard.proto.SummaryMetadata;
import dev.nn.io.tensorboard.proto.TensorProto;
import dev.nn.io.tensorboard.proto.TensorShapeProto;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Summary values in the form each TensorBoard plugin reads: scalars and text as tensors tagged with
 * their plugin (as tf.summary writes them), histograms and images in the classic proto fields,
 * which TensorBoard converts on load.
 */
final class SummaryValues {
    static final String SCALARS_PLUGIN = "scalars";
    static final String TEXT_PLUGIN = "text";

    private SummaryValues() {}

    /** A rank-0 DT_FLOAT tensor for the scalars plugin; TensorBoard stores scalars as float32. */
    static Summary.Value scalar(String tag, double value) {
        return Summary.Value.newBuilder()
                .setTag(checkTag(tag))
                .setMetadata(pluginMetadata(SCALARS_PLUGIN, DataClass.DATA_CLASS_SCALAR))
                .setTensor(TensorProto.newBuilder()
                        .setDtype(DataType.DT_FLOAT)
                        .setTensorShape(TensorShapeProto.getDefaultInstance())
                        .addFloatVal((float) value))
                .build();
    }

    static Summary.Value histogram(String tag, float[] values) {
        return Summary.Value.newBuilder().setTag(checkTag(tag)).setHisto(Histograms.of(values)).build();
    }

    /** A rank-0 DT_STRING tensor (UTF-8) for the text plugin, which renders it as Markdown. */
    static Summary.Value text(String tag, String text) {
        return Summary.Value.newBuilder()
                .setTag(checkTag(tag))
                .setMetadata(pluginMetadata(TEXT_PLUGIN, DataClass.DATA_CLASS_TENSOR))
                .setTensor(TensorProto.newBuilder()
                        .setDtype(DataType.DT_STRING)
                        .setTensorShape(TensorShapeProto.getDefaultInstance())
                        .addStringVal(ByteString.copyFrom(text, StandardCharsets.UTF_8)))
                .build();
    }

    static Summary.Value image(String tag, BufferedImage image) {
        return image(tag, image, encodePng(image));
    }

    /** An already encoded image (PNG, or any format ImageIO reads); decoded once to learn its size. */
    static Summary.Value image(String tag, byte[] encoded) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new IllegalArgumentException("image for tag '" + tag + "' could not be decoded: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new IllegalArgumentException("image for tag '" + tag + "' (" + encoded.length
                    + " bytes) is in no format ImageIO reads; pass PNG bytes or a BufferedImage");
        }
        return image(tag, image, encoded);
    }

    private static Summary.Value image(String tag, BufferedImage image, byte[] encoded) {
        return Summary.Value.newBuilder()
                .setTag(checkTag(tag))
                .setImage(Summary.Image.newBuilder()
                        .setWidth(image.getWidth())
                        .setHeight(image.getHeight())
                        // the proto's colorspace codes 1..4 are the channel counts: gray, gray+alpha, RGB, RGBA
                        .setColorspace(image.getColorModel().getNumComponents())
                        .setEncodedImageString(ByteString.copyFrom(encoded)))
                .build();
    }

    private static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalArgumentException("no PNG encoder for image type " + image.getType()
                        + "; convert it to TYPE_INT_RGB or TYPE_INT_ARGB first");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return png.toByteArray();
    }

    private static SummaryMetadata pluginMetadata(String plugin, DataClass dataClass) {
        // Both plugins' content protos are empty at their current version, so content stays empty.
        return SummaryMetadata.newBuilder()
                .setPluginData(SummaryMetadata.PluginData.newBuilder().setPluginName(plugin))
                .setDataClass(dataClass)
                .build();
    }

    private static String checkTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("summary tag must be a non-blank name such as 'epoch_loss', got '"
                    + tag + "'");
        }
        return tag;
    }
}
