package glossary.web;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip (RFC 1952) with one Deflater per thread, reused. A new Deflater per response, which is what
 * a GZIPOutputStream per request amounts to, costs more than rendering the page it compresses.
 */
final class Gzip {
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final ThreadLocal<Deflater> FAST = ThreadLocal.withInitial(() -> new Deflater(4, true));

    private Gzip() {}

    /** Quick compression for pages rendered per request. */
    static byte[] fast(byte[] data) {
        return compress(data, FAST.get());
    }

    /** The smallest output, for bytes that are compressed once and served many times. */
    static byte[] best(byte[] data) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            return compress(data, deflater);
        } finally {
            deflater.end();
        }
    }

    private static byte[] compress(byte[] data, Deflater deflater) {
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        var out = new ByteArrayOutputStream(data.length / 3 + 64);
        out.writeBytes(HEADER);
        var buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        var crc = new CRC32();
        crc.update(data);
        writeIntLittleEndian(out, (int) crc.getValue());
        writeIntLittleEndian(out, data.length);
        return out.toByteArray();
    }

    private static void writeIntLittleEndian(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
