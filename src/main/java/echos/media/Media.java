package echos.media;

import java.time.Instant;

/** A stored, re-encoded image. attachedAt is null until a message or profile uses it. */
public record Media(String id, String ownerId, MediaKind kind, String contentType, int width, int height, long size,
        String url, String thumbnailUrl, Instant createdAt, Instant attachedAt) {
}
