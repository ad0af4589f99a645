package echos.media;

import echos.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see an image: avatars every signed-in user; message images their uploader and the members of a
 * conversation they were posted in. Everyone else gets 404, as if it did not exist.
 */
@ApplicationScoped
public class MediaAccess {

    private final MediaStore media;

    public MediaAccess(MediaStore media) {
        this.media = media;
    }

    public Media requireVisible(String mediaId, String userId) {
        Media m = media.find(mediaId).orElseThrow(ApiException::notFound);
        if (m.kind() == MediaKind.AVATAR || m.ownerId().equals(userId) || media.postedWhereMember(m.id(), userId)) {
            return m;
        }
        throw ApiException.notFound();
    }
}
