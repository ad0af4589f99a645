package echos.chatty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import echos.message.Message;
import echos.user.User;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The JSON shapes Chatty's frontend reads, built from Echos' records. Ids pass through unchanged as {@code _id};
 * times are JavaScript {@code toISOString} strings (always milliseconds, always {@code Z}); {@code __v} is always 0.
 */
public final class ChattyJson {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX").withZone(ZoneOffset.UTC);

    private ChattyJson() {
    }

    /** As JavaScript's {@code Date.prototype.toISOString}: {@code 2025-05-06T10:29:37.120Z}. */
    public static String time(Instant at) {
        return at == null ? null : ISO_MILLIS.format(at);
    }

    /** A profile picture as Chatty has it: the URL, or the empty string when there is none. */
    public static String profilePic(User user) {
        return user.avatarUrl() == null ? "" : user.avatarUrl();
    }

    /** Chatty's user without the password: what {@code /api/auth/check} and {@code update-profile} answer. */
    public record Account(@JsonProperty("_id") String id, String email, String fullName, String profilePic, String createdAt,
            String updatedAt, @JsonProperty("__v") int version) {

        /** Echos keeps no update time for an account, so updatedAt is createdAt. */
        public static Account of(User user) {
            String created = time(user.createdAt());
            return new Account(user.id(), user.email(), user.fullName(), ChattyJson.profilePic(user), created, created, 0);
        }
    }

    /** Another user as the sidebar lists them: no email (the frontend never shows it, so it is not handed out). */
    public record Contact(@JsonProperty("_id") String id, String fullName, String profilePic, String createdAt) {

        public static Contact of(User user) {
            return new Contact(user.id(), user.fullName(), ChattyJson.profilePic(user), time(user.createdAt()));
        }
    }

    /** A 1:1 message; {@code image} is left out when there is none, as Chatty stores it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChatMessage(@JsonProperty("_id") String id, String senderId, String receiverId, String text, String image,
            String createdAt, String updatedAt, @JsonProperty("__v") int version) {

        /** The message between the two members of a direct conversation; receiverId is whichever of them did not send it. */
        public static ChatMessage of(Message m, String userA, String userB) {
            String receiver = m.senderId().equals(userA) ? userB : userA;
            return new ChatMessage(m.id(), m.senderId(), receiver, m.text(), m.image() == null ? null : m.image().url(),
                    time(m.createdAt()), time(m.editedAt() == null ? m.createdAt() : m.editedAt()), 0);
        }
    }
}
