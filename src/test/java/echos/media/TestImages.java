package echos.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Builds the good, broken and hostile files the media tests upload. */
public final class TestImages {

    private TestImages() {
    }

    static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), alpha ? 180 : 255));
            g.fillRect(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2 + 1), 1 + random.nextInt(height / 2 + 1));
        }
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 10), Math.max(1, height / 10));
        g.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return write(picture(width, height, true), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return write(picture(width, height, false), "jpeg");
    }

    public static byte[] gif(int width, int height) {
        return write(picture(width, height, false), "gif");
    }

    /** A 1x1 lossless WebP. */
    public static byte[] webp() {
        return Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }

    private static byte[] write(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose EXIF says "rotate 90° clockwise" (orientation 6) and holds a GPS position. */
    public static byte[] jpegWithGpsAndOrientation(int width, int height) {
        byte[] jpeg = jpeg(width, height);
        ByteBuffer tiff = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(30).putInt(1);
        byte[] tiffBytes = Arrays.copyOf(tiff.array(), tiff.position());
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + tiffBytes.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + length + 2);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiffBytes);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A tiny PNG whose header claims the given size (no real pixel data). */
    public static byte[] pngHeaderClaiming(int width, int height) {
        ByteBuffer out = ByteBuffer.allocate(8 + 25 + 12 + 12);
        out.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return Arrays.copyOf(out.array(), out.position());
    }

    private static void chunk(ByteBuffer out, String type, byte[] data) {
        out.putInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.putInt((int) crc.getValue());
    }

    /** A GIF with many frames of the given size; frame data is a minimal block (structure only). */
    public static byte[] gifWithFrames(int frames, int width, int height) {
        ByteBuffer out = ByteBuffer.allocate(32 + frames * 24).order(ByteOrder.LITTLE_ENDIAN);
        out.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height);
        out.put((byte) 0x80).put((byte) 0).put((byte) 0);
        out.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        for (int i = 0; i < frames; i++) {
            out.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height).put((byte) 0);
            out.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0);
        }
        out.put((byte) 0x3B);
        return Arrays.copyOf(out.array(), out.position());
    }

    public static byte[] truncate(byte[] bytes, double keep) {
        return Arrays.copyOf(bytes, (int) (bytes.length * keep));
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
