package echos.media;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage port for image metadata (the bytes live in a {@link BlobStore}). */
public interface MediaStore {

    void create(Media media);

    Optional<Media> find(String id);

    /** Marks the media as used; returns false if it was already attached or does not exist. */
    boolean attach(String id, Instant now);

    void delete(String id);

    /** Uploads nobody attached, created before the cut-off. */
    List<Media> unattachedBefore(Instant cutoff, int limit);

    /** True when the user belongs to a conversation that has a message carrying this image. */
    boolean postedWhereMember(String mediaId, String userId);

    List<Media> ofOwner(String ownerId, MediaKind kind);
}
