package echos.media;

import echos.common.id.IdGenerator;
import echos.common.ratelimit.SendBudget;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Accepts an upload: size check, image pipeline, bytes to the blob store, then the metadata row. */
@ApplicationScoped
public class UploadMedia {

    private static final Logger LOG = Logger.getLogger(UploadMedia.class);

    private final ImagePipeline pipeline;
    private final BlobStore blobs;
    private final MediaStore media;
    private final IdGenerator ids;
    private final Clock clock;
    private final long maxBytes;
    private final SendBudget budget;

    public UploadMedia(ImagePipeline pipeline, BlobStore blobs, MediaStore media, IdGenerator ids, Clock clock,
            @ConfigProperty(name = "echos.media.max-upload-mb") int maxUploadMb, SendBudget budget) {
        this.budget = budget;
        this.pipeline = pipeline;
        this.blobs = blobs;
        this.media = media;
        this.ids = ids;
        this.clock = clock;
        this.maxBytes = maxUploadMb * 1024L * 1024L;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Media upload(String ownerId, MediaKind kind, byte[] bytes, boolean attachNow) {
        budget.take(ownerId);
        if (bytes.length > maxBytes) {
            throw ImageRejected.tooLarge(maxBytes);
        }
        ImagePipeline.Processed processed = pipeline.process(bytes, kind == MediaKind.AVATAR ? ImagePipeline.Shape.AVATAR : ImagePipeline.Shape.MESSAGE);
        String id = ids.next();
        BlobStore.Stored stored = blobs.put(id, processed.image(), processed.thumbnail());
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Media created = new Media(id, ownerId, kind, processed.image().contentType(), processed.image().width(), processed.image().height(),
                processed.image().bytes().length, stored.url(), stored.thumbnailUrl(), now, attachNow ? now : null);
        try {
            media.create(created);
        } catch (RuntimeException e) {
            blobs.delete(id);
            throw e;
        }
        LOG.infof("event=media_uploaded id=%s kind=%s bytes=%d", id, kind.json(), created.size());
        return created;
    }

    /** Removes the bytes and the row; used for replaced avatars and abandoned uploads. */
    public void remove(Media m) {
        blobs.delete(m.id());
        media.delete(m.id());
    }
}
