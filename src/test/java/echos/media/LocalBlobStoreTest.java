package echos.media;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path dir;

    @Override
    protected BlobStore store() {
        return new LocalBlobStore(dir.resolve("media"));
    }

    @Test
    void refusesIdsThatCouldEscapeTheMediaFolder() {
        assertThrows(IllegalArgumentException.class, () -> store().read("../../etc/passwd", false));
    }
}
