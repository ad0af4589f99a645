package echos.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses where image bytes go: Cloudinary when its three variables are set, local disk otherwise (MEDIA_DIR, by
 * default DATA_DIR/media; several nodes share one directory, e.g. an NFS mount, or use Cloudinary).
 */
@ApplicationScoped
public class BlobStoreProducer {

    private static final Logger LOG = Logger.getLogger(BlobStoreProducer.class);

    @Produces
    @Singleton
    BlobStore blobStore(@ConfigProperty(name = "echos.data-dir") String dataDir,
            @ConfigProperty(name = "echos.media.dir") Optional<String> mediaDir,
            @ConfigProperty(name = "echos.cloudinary.cloud-name") Optional<String> cloudName,
            @ConfigProperty(name = "echos.cloudinary.api-key") Optional<String> apiKey,
            @ConfigProperty(name = "echos.cloudinary.api-secret") Optional<String> apiSecret,
            @ConfigProperty(name = "echos.cloudinary.upload-prefix") Optional<String> uploadPrefix) {
        if (cloudName.isPresent() && apiKey.isPresent() && apiSecret.isPresent()) {
            LOG.infof("event=media_storage kind=cloudinary cloud=%s", cloudName.get());
            return new CloudinaryBlobStore(cloudName.get(), apiKey.get(), apiSecret.get(), uploadPrefix.orElse(null));
        }
        Path root = mediaDir.filter(d -> !d.isBlank()).map(d -> Path.of(d.trim())).orElse(Path.of(dataDir).resolve("media"));
        LOG.infof("event=media_storage kind=local dir=%s", root);
        return new LocalBlobStore(root);
    }
}
