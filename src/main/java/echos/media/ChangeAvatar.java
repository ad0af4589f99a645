package echos.media;

import echos.common.error.ApiException;
import echos.user.User;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;

/** Sets or removes one's profile picture; the replaced picture's files are deleted. */
@ApplicationScoped
public class ChangeAvatar {

    private final UploadMedia upload;
    private final MediaStore media;
    private final UserStore users;

    public ChangeAvatar(UploadMedia upload, MediaStore media, UserStore users) {
        this.upload = upload;
        this.media = media;
        this.users = users;
    }

    public User replace(String userId, byte[] bytes) {
        Media avatar = upload.upload(userId, MediaKind.AVATAR, bytes, true);
        users.updateAvatarUrl(userId, avatar.url());
        removeOthers(userId, avatar.id());
        return users.findById(userId).orElseThrow(ApiException::unauthenticated);
    }

    public User remove(String userId) {
        users.updateAvatarUrl(userId, null);
        removeOthers(userId, null);
        return users.findById(userId).orElseThrow(ApiException::unauthenticated);
    }

    private void removeOthers(String userId, String keptId) {
        for (Media old : media.ofOwner(userId, MediaKind.AVATAR)) {
            if (!old.id().equals(keptId)) {
                upload.remove(old);
            }
        }
    }
}
