package echos.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns untrusted upload bytes into a clean image: type sniffed from the bytes, dimensions checked from the header
 * before decoding, first frame decoded by ImageIO (TwelveMonkeys for WebP), EXIF orientation applied, and a fresh
 * JPEG (opaque) or PNG (with transparency) written without any of the original metadata. A small number of
 * decodes run at once, so refusing or processing hostile files keeps memory bounded.
 */
@ApplicationScoped
public class ImagePipeline {

    static final int THUMBNAIL_MAX = 480;
    static final int AVATAR_SIZE = 256;

    /** What to make of an upload. */
    public enum Shape { MESSAGE, AVATAR }

    /** The full image and its thumbnail. */
    public record Processed(EncodedImage image, EncodedImage thumbnail) {
    }

    private final long maxPixels;
    private final Semaphore decoding;

    public ImagePipeline(@ConfigProperty(name = "echos.media.max-megapixels") int maxMegapixels,
            @ConfigProperty(name = "echos.media.concurrent-decodes") int concurrentDecodes) {
        this.maxPixels = maxMegapixels * 1_000_000L;
        this.decoding = new Semaphore(Math.max(1, concurrentDecodes));
    }

    public Processed process(byte[] bytes, Shape shape) {
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(ImageRejected::unsupported);
        decoding.acquireUninterruptibly();
        try {
            BufferedImage decoded = oriented(decode(bytes, format), orientation(bytes, format));
            if (shape == Shape.AVATAR) {
                EncodedImage avatar = encode(scale(centerSquare(decoded), AVATAR_SIZE));
                return new Processed(avatar, avatar);
            }
            return new Processed(encode(decoded), encode(scale(decoded, THUMBNAIL_MAX)));
        } finally {
            decoding.release();
        }
    }

    private BufferedImage decode(byte[] bytes, ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        if (!readers.hasNext()) {
            throw ImageRejected.unsupported();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, false, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw ImageRejected.invalid("it has no pixels");
            }
            if (width * height > maxPixels) {
                throw ImageRejected.invalid("it has more than " + maxPixels / 1_000_000 + " megapixels");
            }
            if (format == ImageFormat.GIF) {
                int frames = reader.getNumImages(true);
                if (frames * width * height > maxPixels) {
                    throw ImageRejected.invalid("its " + frames + " frames hold more than " + maxPixels / 1_000_000 + " megapixels");
                }
            }
            AtomicBoolean damaged = new AtomicBoolean();
            reader.addIIOReadWarningListener(warningsTo(damaged));
            BufferedImage image = reader.read(0);
            if (damaged.get()) {
                throw ImageRejected.invalid("it is damaged or cut short");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof echos.common.error.ApiException api) {
                throw api;
            }
            throw ImageRejected.invalid("it is damaged or cut short");
        } finally {
            reader.dispose();
        }
    }

    private static IIOReadWarningListener warningsTo(AtomicBoolean flag) {
        return (source, warning) -> flag.set(true);
    }

    private static int orientation(byte[] bytes, ImageFormat format) {
        if (format != ImageFormat.JPEG && format != ImageFormat.WEBP) {
            return 1;
        }
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
        } catch (Exception e) {
            // unreadable metadata: keep the pixels as they are
        }
        return 1;
    }

    /** Applies an EXIF orientation (1..8) so the stored pixels look right without metadata. */
    static BufferedImage oriented(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, hasAlpha(image) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return out;
    }

    private static BufferedImage centerSquare(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        return image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
    }

    private static BufferedImage scale(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) maxSide / Math.max(w, h));
        if (factor == 1.0 && image.getType() != BufferedImage.TYPE_CUSTOM) {
            return image;
        }
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(tw, th, hasAlpha(image) ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, tw, th, null);
        g.dispose();
        return out;
    }

    private static boolean hasAlpha(BufferedImage image) {
        return image.getColorModel().hasAlpha();
    }

    private static EncodedImage encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (hasAlpha(image)) {
                ImageIO.write(image, "png", out);
                return new EncodedImage("image/png", "png", out.toByteArray(), image.getWidth(), image.getHeight());
            }
            BufferedImage rgb = image;
            if (image.getType() != BufferedImage.TYPE_INT_RGB) {
                rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.drawImage(image, 0, 0, null);
                g.dispose();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return new EncodedImage("image/jpeg", "jpg", out.toByteArray(), rgb.getWidth(), rgb.getHeight());
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding failed", e);
        }
    }
}
