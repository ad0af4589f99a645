package echos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import echos.common.error.ApiException;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class ImagePipelineTest {

    private final ImagePipeline pipeline = new ImagePipeline(40, 2);

    private String refusal(byte[] bytes) {
        return assertThrows(ApiException.class, () -> pipeline.process(bytes, ImagePipeline.Shape.MESSAGE)).code();
    }

    @Test
    void reencodesEachAcceptedFormatAndMakesAThumbnail() {
        ImagePipeline.Processed png = pipeline.process(TestImages.png(1200, 600), ImagePipeline.Shape.MESSAGE);
        assertEquals("image/png", png.image().contentType());
        assertEquals(1200, png.image().width());
        assertEquals(480, png.thumbnail().width());
        assertEquals(240, png.thumbnail().height());
        assertEquals("image/jpeg", pipeline.process(TestImages.jpeg(300, 200), ImagePipeline.Shape.MESSAGE).image().contentType());
        assertEquals(300, pipeline.process(TestImages.gif(300, 200), ImagePipeline.Shape.MESSAGE).image().width());
        assertEquals(1, pipeline.process(TestImages.webp(), ImagePipeline.Shape.MESSAGE).image().width());
    }

    @Test
    void appliesExifOrientationAndDropsAllMetadataIncludingGps() throws Exception {
        byte[] upload = TestImages.jpegWithGpsAndOrientation(300, 200);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
        assertTrue(before.getFirstDirectoryOfType(GpsDirectory.class) != null, "the test file really carries GPS");
        ImagePipeline.Processed out = pipeline.process(upload, ImagePipeline.Shape.MESSAGE);
        assertEquals(200, out.image().width());
        assertEquals(300, out.image().height());
        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(out.image().bytes()));
        assertEquals(null, after.getFirstDirectoryOfType(GpsDirectory.class));
        assertTrue(!new String(out.image().bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("Exif"));
    }

    @Test
    void cropsAvatarsToACentredSquare() {
        ImagePipeline.Processed avatar = pipeline.process(TestImages.jpeg(900, 500), ImagePipeline.Shape.AVATAR);
        assertEquals(256, avatar.image().width());
        assertEquals(256, avatar.image().height());
    }

    @Test
    void refusesWhatIsNotAnAcceptedImageType() {
        assertEquals("unsupported_media_type", refusal(TestImages.text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")));
        assertEquals("unsupported_media_type", refusal(TestImages.text("<html><body><script>alert(1)</script></body></html>")));
        assertEquals("unsupported_media_type", refusal(new byte[0]));
        assertEquals("unsupported_media_type", refusal(TestImages.text("%PDF-1.7\n")));
    }

    @Test
    void refusesBrokenAndOversizedImagesBeforeDecodingThem() {
        assertEquals("invalid_image", refusal(TestImages.pngHeaderClaiming(50_000, 50_000)));
        assertEquals("invalid_image", refusal(TestImages.truncate(TestImages.jpeg(400, 300), 0.5)));
        assertEquals("invalid_image", refusal(TestImages.gifWithFrames(3000, 120, 120)));
        assertEquals("invalid_image", refusal(TestImages.text("GIF89a<html><script>alert(1)</script></html>")));
    }
}
