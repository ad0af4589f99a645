package echos.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.conversation.ConversationStore;
import echos.message.MessageStore;
import echos.message.NewMessage;
import echos.storage.StoreContract;
import echos.storage.Stores;
import echos.storage.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link MediaStore} backend must do. Subclasses only say which database to use. */
public abstract class MediaStoreContract extends StoreContract {

    private static final Instant T0 = Instant.ofEpochMilli(1_700_000_000_000L);

    private MediaStore media;
    private ConversationStore conversations;
    private MessageStore messages;
    private TestUsers users;

    @Override
    protected void createStores(Stores stores) {
        media = stores.media();
        conversations = stores.conversations();
        messages = stores.messages();
        users = new TestUsers(stores);
    }

    private Media upload(String owner, MediaKind kind, Instant at) {
        String id = UUID.randomUUID().toString();
        Media m = new Media(id, owner, kind, "image/webp", 640, 480, 12_345, "/api/media/" + id, "/api/media/" + id + "/thumb", at, null);
        media.create(m);
        return m;
    }

    @Test
    void findsWhatWasCreatedWithEveryField() {
        Media created = upload(users.create(), MediaKind.MESSAGE, T0);
        assertEquals(Optional.of(created), media.find(created.id()));
        assertEquals(Optional.empty(), media.find(UUID.randomUUID().toString()));
    }

    @Test
    void attachesOnceOnly() {
        Media created = upload(users.create(), MediaKind.AVATAR, T0);
        assertTrue(media.attach(created.id(), T0.plusSeconds(5)));
        assertFalse(media.attach(created.id(), T0.plusSeconds(6)), "a second attach is refused");
        assertFalse(media.attach(UUID.randomUUID().toString(), T0), "so is attaching what does not exist");
        assertEquals(T0.plusSeconds(5), media.find(created.id()).orElseThrow().attachedAt());
    }

    @Test
    void listsOnlyUnattachedUploadsOlderThanTheCutOffOldestFirstUpToTheLimit() {
        String owner = users.create();
        Instant base = T0.plusSeconds(1_000_000);
        Media second = upload(owner, MediaKind.MESSAGE, base.plusSeconds(2));
        Media first = upload(owner, MediaKind.MESSAGE, base.plusSeconds(1));
        Media attached = upload(owner, MediaKind.MESSAGE, base.plusSeconds(3));
        media.attach(attached.id(), base.plusSeconds(4));
        upload(owner, MediaKind.MESSAGE, base.plusSeconds(10)); // after the cut-off
        List<String> old = media.unattachedBefore(base.plusSeconds(5), 100).stream()
                .filter(m -> m.ownerId().equals(owner)).map(Media::id).toList();
        assertEquals(List.of(first.id(), second.id()), old);
        assertEquals(1, media.unattachedBefore(base.plusSeconds(5), 1).size());
    }

    @Test
    void deletesOneUpload() {
        String owner = users.create();
        Media gone = upload(owner, MediaKind.MESSAGE, T0);
        Media kept = upload(owner, MediaKind.MESSAGE, T0);
        media.delete(gone.id());
        assertEquals(Optional.empty(), media.find(gone.id()));
        assertTrue(media.find(kept.id()).isPresent());
    }

    @Test
    void listsAnOwnersUploadsOfOneKindInOrder() {
        String owner = users.create();
        Media a1 = upload(owner, MediaKind.AVATAR, T0.plusSeconds(1));
        upload(owner, MediaKind.MESSAGE, T0.plusSeconds(2));
        Media a2 = upload(owner, MediaKind.AVATAR, T0.plusSeconds(3));
        upload(users.create(), MediaKind.AVATAR, T0.plusSeconds(4));
        assertEquals(List.of(a1.id(), a2.id()), media.ofOwner(owner, MediaKind.AVATAR).stream().map(Media::id).toList());
    }

    @Test
    void anImageIsVisibleToTheMembersOfAConversationItWasPostedInAndToNobodyElse() {
        String sender = users.create();
        String member = users.create();
        String outsider = users.create();
        String group = conversations.createGroup(UUID.randomUUID().toString(), "Photos", sender, List.of(member), T0).id();
        Media image = upload(sender, MediaKind.MESSAGE, T0);
        Media unposted = upload(sender, MediaKind.MESSAGE, T0);
        media.attach(image.id(), T0);
        messages.append(new NewMessage(UUID.randomUUID().toString(), group, sender, "c1", "", T0, image.id()));

        assertTrue(media.postedWhereMember(image.id(), sender));
        assertTrue(media.postedWhereMember(image.id(), member));
        assertFalse(media.postedWhereMember(image.id(), outsider));
        assertFalse(media.postedWhereMember(unposted.id(), member), "an image nobody posted is visible to nobody through a chat");

        conversations.removeMember(group, member);
        assertFalse(media.postedWhereMember(image.id(), member), "a member who left no longer sees it");
    }
}
