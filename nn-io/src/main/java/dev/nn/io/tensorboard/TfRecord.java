package dev.nn.io.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorBoard event files: for each record, the data length
 * as u64 little-endian, the masked CRC-32C of those 8 bytes (u32 LE), the data, and the masked
 * CRC-32C of the data (u32 LE).
 */
final class TfRecord {
    static final int LENGTH_BYTES = 8;
    static final int CRC_BYTES = 4;
    static final int HEADER_BYTES = LENGTH_BYTES + CRC_BYTES;
    static final int OVERHEAD_BYTES = HEADER_BYTES + CRC_BYTES;

    // TFRecord masks CRCs so that a CRC of data that itself holds CRCs is not degenerate.
    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecord() {}

    static int maskedCrc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    /** The bytes of one framed record, ready to append to a file. */
    static byte[] frame(byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(OVERHEAD_BYTES + data.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(maskedCrc32c(record.array(), 0, LENGTH_BYTES));
        record.put(data);
        record.putInt(maskedCrc32c(data, 0, data.length));
        return record.array();
    }
}
