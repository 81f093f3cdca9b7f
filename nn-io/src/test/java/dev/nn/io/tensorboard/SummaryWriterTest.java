package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.io.tensorboard.proto.DataClass;
import dev.nn.io.tensorboard.proto.DataType;
import dev.nn.io.tensorboard.proto.Event;
import dev.nn.io.tensorboard.proto.Summary;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryKindOfSummaryAndReadsItBack() throws Exception {
        BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(4, 2, Color.RED.getRGB());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 7, BufferedImage.TYPE_INT_ARGB), "png", png);

        Path file;
        try (SummaryWriter writer = SummaryWriter.create(dir.resolve("run_1"))) {
            file = writer.file();
            writer.scalar("epoch_loss", 0.25, 1);
            writer.scalar("epoch_loss", 0.125, 2);
            writer.histogram("dense/kernel", new float[] {-1f, 0.5f, 0.5f, 2f}, 2);
            writer.image("sample", image, 3);
            writer.image("encoded", png.toByteArray(), 3);
            writer.text("notes", "**lr** = 1e-3, ünïcode", 0);
        }

        List<Event> events = EventFileReader.read(file).events();
        assertEquals("brain.Event:2", events.getFirst().getFileVersion());
        assertEquals(7, events.size());

        Summary.Value loss = valueOf(events.get(2));
        assertEquals(2, events.get(2).getStep());
        assertEquals("epoch_loss", loss.getTag());
        assertEquals("scalars", loss.getMetadata().getPluginData().getPluginName());
        assertEquals(DataClass.DATA_CLASS_SCALAR, loss.getMetadata().getDataClass());
        assertEquals(DataType.DT_FLOAT, loss.getTensor().getDtype());
        assertEquals(0, loss.getTensor().getTensorShape().getDimCount());
        assertEquals(List.of(0.125f), loss.getTensor().getFloatValList());

        Summary.Value histo = valueOf(events.get(3));
        assertEquals(4, histo.getHisto().getNum());
        assertEquals(-1, histo.getHisto().getMin());
        assertEquals(2, histo.getHisto().getMax());

        Summary.Image sample = valueOf(events.get(4)).getImage();
        assertEquals(5, sample.getWidth());
        assertEquals(3, sample.getHeight());
        assertEquals(3, sample.getColorspace());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(sample.getEncodedImageString().toByteArray()));
        assertEquals(Color.RED.getRGB(), decoded.getRGB(4, 2));

        Summary.Image encoded = valueOf(events.get(5)).getImage();
        assertEquals(2, encoded.getWidth());
        assertEquals(7, encoded.getHeight());
        assertEquals(4, encoded.getColorspace());
        assertArrayEquals(png.toByteArray(), encoded.getEncodedImageString().toByteArray());

        Summary.Value text = valueOf(events.get(6));
        assertEquals("text", text.getMetadata().getPluginData().getPluginName());
        assertEquals(DataType.DT_STRING, text.getTensor().getDtype());
        assertEquals("**lr** = 1e-3, ünïcode", text.getTensor().getStringVal(0).toString(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsBadInputWithAClearMessage() {
        try (SummaryWriter writer = SummaryWriter.create(dir)) {
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> writer.scalar(" ", 1, 0));
            assertTrue(blank.getMessage().contains("tag"), blank.getMessage());
            IllegalArgumentException notImage = assertThrows(IllegalArgumentException.class,
                    () -> writer.image("x", new byte[] {1, 2, 3}, 0));
            assertTrue(notImage.getMessage().contains("'x'"), notImage.getMessage());
        }
    }

    private static Summary.Value valueOf(Event event) {
        assertEquals(1, event.getSummary().getValueCount());
        return event.getSummary().getValue(0);
    }
}
