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

    /**
     * The gzip header and the data as deflate blocks that end on a byte boundary and are not final,
     * so that more blocks may follow: the part of a page before a value spliced in per delivery.
     */
    static byte[] opening(byte[] data, int offset, int length) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data, offset, length);
            var out = new ByteArrayOutputStream(length / 3 + 64);
            out.writeBytes(HEADER);
            var buffer = new byte[8192];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The data as deflate blocks that end the stream, compressed on their own: the part after the value. */
    static byte[] closing(byte[] data, int offset, int length) {
        var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data, offset, length);
            deflater.finish();
            var out = new ByteArrayOutputStream(length / 3 + 64);
            var buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * One gzip member from an {@link #opening}, a value stored uncompressed (a deflate stored block:
     * no compression work per response) and a {@link #closing}; the trailer's CRC and length are
     * those of the whole original, here {@code original} with the value in place of its bytes from
     * {@code at} to {@code at + replaced}.
     */
    static byte[] splice(byte[] opening, byte[] value, byte[] closing, byte[] original, int at, int replaced) {
        if (value.length > 0xffff) {
            throw new IllegalArgumentException("a stored block holds at most 65,535 bytes");
        }
        var out = new byte[opening.length + 5 + value.length + closing.length + 8];
        System.arraycopy(opening, 0, out, 0, opening.length);
        int p = opening.length;
        out[p++] = 0; // not the final block, stored (type 00); the rest of the byte is padding
        out[p++] = (byte) value.length;
        out[p++] = (byte) (value.length >>> 8);
        out[p++] = (byte) ~value.length;
        out[p++] = (byte) (~value.length >>> 8);
        System.arraycopy(value, 0, out, p, value.length);
        p += value.length;
        System.arraycopy(closing, 0, out, p, closing.length);
        p += closing.length;
        var crc = new CRC32();
        crc.update(original, 0, at);
        crc.update(value);
        crc.update(original, at + replaced, original.length - at - replaced);
        int size = original.length - replaced + value.length;
        writeIntLittleEndian(out, p, (int) crc.getValue());
        writeIntLittleEndian(out, p + 4, size);
        return out;
    }

    private static void writeIntLittleEndian(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
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
