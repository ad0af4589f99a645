package echos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Cloudinary adapter, verified against a local stand-in that checks signed uploads (not the real service). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudinaryBlobStoreTest extends BlobStoreContract {

    private CloudinaryStandIn standIn;
    private BlobStore store;

    @BeforeAll
    void start() throws Exception {
        standIn = new CloudinaryStandIn();
        store = new CloudinaryBlobStore(CloudinaryStandIn.CLOUD, CloudinaryStandIn.KEY, CloudinaryStandIn.SECRET, standIn.prefix());
    }

    @AfterAll
    void stop() {
        standIn.close();
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void sendsCorrectlySignedUploadsUnderTheEchosFolder() {
        int badBefore = standIn.badSignatures();
        store.put("signed1", new EncodedImage("image/png", "png", TestImages.png(10, 10), 10, 10),
                new EncodedImage("image/png", "png", TestImages.png(5, 5), 5, 5));
        assertEquals(badBefore, standIn.badSignatures());
        assertTrue(standIn.holds("echos/signed1"));
        assertTrue(standIn.holds("echos/signed1-thumb"));
    }

    @Test
    void failsWhenTheSecretIsWrong() {
        BlobStore wrong = new CloudinaryBlobStore(CloudinaryStandIn.CLOUD, CloudinaryStandIn.KEY, "not-the-secret", standIn.prefix());
        EncodedImage image = new EncodedImage("image/png", "png", TestImages.png(10, 10), 10, 10);
        int badBefore = standIn.badSignatures();
        assertThrows(RuntimeException.class, () -> wrong.put("unsigned", image, image));
        assertTrue(standIn.badSignatures() > badBefore, "the stand-in refused the bad signature");
        assertTrue(!standIn.holds("echos/unsigned"));
    }
}
