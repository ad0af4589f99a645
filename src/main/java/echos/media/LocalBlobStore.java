package echos.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Image bytes on local disk under DATA_DIR/media, in files named by the server ({@code <id>} and
 * {@code <id>-thumb}), served by Echos itself at /api/media/{id}[/thumbnail].
 */
public final class LocalBlobStore implements BlobStore {

    private static final Pattern SAFE_ID = Pattern.compile("[0-9a-z]{1,64}");

    private final Path root;

    public LocalBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public Stored put(String mediaId, EncodedImage original, EncodedImage thumbnail) {
        try {
            Files.createDirectories(root);
            write(file(mediaId, false), original.bytes());
            if (thumbnail != original) {
                write(file(mediaId, true), thumbnail.bytes());
            }
            return new Stored("/api/media/" + mediaId, "/api/media/" + mediaId + "/thumbnail");
        } catch (IOException e) {
            delete(mediaId);
            throw new UncheckedIOException("storing image failed", e);
        }
    }

    @Override
    public Optional<byte[]> read(String mediaId, boolean thumbnail) {
        try {
            Path wanted = file(mediaId, thumbnail);
            if (thumbnail && !Files.exists(wanted)) {
                wanted = file(mediaId, false);
            }
            return Optional.of(Files.readAllBytes(wanted));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String mediaId) {
        try {
            Files.deleteIfExists(file(mediaId, false));
            Files.deleteIfExists(file(mediaId, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String mediaId, boolean thumbnail) {
        if (!SAFE_ID.matcher(mediaId).matches()) {
            throw new IllegalArgumentException("not a media id");
        }
        return root.resolve(thumbnail ? mediaId + "-thumb" : mediaId);
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
