package echos.chatty;

import echos.chatty.ChattyJson.ChatMessage;
import echos.chatty.ChattyJson.Contact;
import echos.common.error.ApiException;
import echos.common.id.IdGenerator;
import echos.conversation.Conversation;
import echos.conversation.ConversationStore;
import echos.conversation.StartConversation;
import echos.media.Media;
import echos.media.MediaKind;
import echos.media.UploadMedia;
import echos.message.Message;
import echos.message.MessageStore;
import echos.message.SendMessage;
import echos.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chatty's 1:1 chat on Echos' model: a Chatty thread with another user is the Echos direct conversation of the two,
 * so messages sent either way show up on both sides. Lists are capped, where Chatty returns everything.
 */
@ApplicationScoped
public class ChattyChat {

    private final UserStore users;
    private final ConversationStore conversations;
    private final StartConversation start;
    private final MessageStore messages;
    private final SendMessage send;
    private final UploadMedia upload;
    private final IdGenerator ids;
    private final int usersLimit;
    private final int historyLimit;

    public ChattyChat(UserStore users, ConversationStore conversations, StartConversation start, MessageStore messages, SendMessage send,
            UploadMedia upload, IdGenerator ids, @ConfigProperty(name = "echos.chatty.users-limit") int usersLimit,
            @ConfigProperty(name = "echos.chatty.history-limit") int historyLimit) {
        this.users = users;
        this.conversations = conversations;
        this.start = start;
        this.messages = messages;
        this.send = send;
        this.upload = upload;
        this.ids = ids;
        this.usersLimit = usersLimit;
        this.historyLimit = historyLimit;
    }

    /** Everyone but the caller, by name, at most CHATTY_USERS_LIMIT. */
    public List<Contact> others(String callerId) {
        return users.listOthers(callerId, usersLimit).stream().map(Contact::of).toList();
    }

    /**
     * The newest CHATTY_HISTORY_LIMIT messages between the caller and the other user that are not deleted, oldest
     * first; empty (and nothing created) when the two have no conversation yet.
     * @throws ApiException 404 when there is no such user
     */
    public List<ChatMessage> history(String callerId, String otherId) {
        requireUser(otherId);
        Optional<Conversation> direct = conversations.findDirect(callerId, otherId);
        if (direct.isEmpty()) {
            return List.of();
        }
        String id = direct.get().id();
        List<Message> newestFirst = new ArrayList<>();
        long before = Long.MAX_VALUE;
        // deleted messages are skipped, so a page short of them is topped up from further back
        while (newestFirst.size() < historyLimit) {
            int wanted = historyLimit - newestFirst.size();
            List<Message> page = messages.before(id, before, wanted);
            page.stream().filter(m -> !m.deleted()).forEach(newestFirst::add);
            if (page.size() < wanted) {
                break;
            }
            before = page.get(page.size() - 1).seq();
        }
        Collections.reverse(newestFirst);
        return newestFirst.stream().map(m -> ChatMessage.of(m, callerId, otherId)).toList();
    }

    /**
     * Sends text and/or a data-URL image to the other user in their direct conversation, creating it on the first
     * message. Echos' rules apply: something to send, an image the pipeline accepts, not to oneself, the send budget.
     * @throws ApiException 404 when there is no such user
     */
    public ChatMessage send(String callerId, String otherId, String text, String image) {
        requireUser(otherId);
        boolean hasImage = image != null && !image.isEmpty();
        byte[] imageBytes = hasImage ? DataUrl.imageBytes("image", image) : null;
        SendMessage.checkContent(text, hasImage);
        // the image first: one the pipeline refuses must not leave a new, empty conversation behind
        Media uploaded = hasImage ? upload.upload(callerId, MediaKind.MESSAGE, imageBytes, false) : null;
        Conversation direct;
        try {
            direct = conversations.findDirect(callerId, otherId).orElseGet(() -> start.direct(callerId, otherId).conversation());
        } catch (RuntimeException e) {
            if (uploaded != null) {
                upload.remove(uploaded);
            }
            throw e;
        }
        Message sent = send.send(callerId, direct.id(), "chatty-" + ids.next(), text, uploaded == null ? null : uploaded.id(), null)
                .message();
        return ChatMessage.of(sent, callerId, otherId);
    }

    private void requireUser(String id) {
        if (id == null || users.findById(id).isEmpty()) {
            throw new ApiException(404, "not_found", "No such user.", Map.of(), 0);
        }
    }
}
