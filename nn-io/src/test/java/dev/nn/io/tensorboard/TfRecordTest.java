package dev.nn.io.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TfRecordTest {
    /*
     * The record of the 9 bytes "123456789" (the CRC catalogue's check input), derived by hand:
     *
     * length: 9 as u64 LE                      09 00 00 00 00 00 00 00
     * CRC-32C of those 8 bytes (bitwise, reflected polynomial 0x82F63B78, init and xorout
     *   0xFFFFFFFF)                            0x872FCB77
     *   rotate right by 15: (c >>> 15) | (c << 17) = 0x00010E5F | 0x96EE0000 = 0x96EF0E5F
     *   + 0xA282EAD8 (mod 2^32)                0x3971F937 -> LE 37 F9 71 39
     * data                                     31 32 33 34 35 36 37 38 39
     * CRC-32C("123456789"), the published check value 0xE3069283
     *   rotate right by 15: 0x0001C60D | 0x25060000 = 0x2507C60D
     *   + 0xA282EAD8 (mod 2^32)                0xC78AB0E5 -> LE E5 B0 8A C7
     */
    private static final byte[] EXPECTED = {
        0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x37, (byte) 0xF9, 0x71, 0x39,
        0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
        (byte) 0xE5, (byte) 0xB0, (byte) 0x8A, (byte) 0xC7,
    };

    @Test
    void framesOneRecordByteForByteAsTheSpecSays() {
        assertArrayEquals(EXPECTED, TfRecord.frame("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void masksTheCrcOfTheCheckInput() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xC78AB0E5, TfRecord.maskedCrc32c(check, 0, check.length));
    }

    @Test
    void framesAnEmptyRecord() {
        byte[] record = TfRecord.frame(new byte[0]);
        assertEquals(TfRecord.OVERHEAD_BYTES, record.length);
    }
}
