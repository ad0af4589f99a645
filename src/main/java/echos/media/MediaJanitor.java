package echos.media;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Deletes uploads that no message or profile used within MEDIA_UNATTACHED_TTL (24 h); runs every hour. */
@ApplicationScoped
public class MediaJanitor {

    private static final Logger LOG = Logger.getLogger(MediaJanitor.class);
    private static final int BATCH = 200;

    private final MediaStore media;
    private final UploadMedia upload;
    private final Clock clock;
    private final Duration ttl;
    private final Vertx vertx;

    public MediaJanitor(MediaStore media, UploadMedia upload, Clock clock, @ConfigProperty(name = "echos.media.unattached-ttl") Duration ttl,
            Vertx vertx) {
        this.media = media;
        this.upload = upload;
        this.clock = clock;
        this.ttl = ttl;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> vertx.executeBlocking(() -> sweep(), false));
    }

    /** @return how many uploads were deleted */
    public int sweep() {
        int removed = 0;
        List<Media> batch;
        do {
            batch = media.unattachedBefore(clock.instant().minus(ttl), BATCH);
            for (Media m : batch) {
                upload.remove(m);
                removed++;
            }
        } while (batch.size() == BATCH);
        if (removed > 0) {
            LOG.infof("event=unattached_media_deleted count=%d", removed);
        }
        return removed;
    }
}
