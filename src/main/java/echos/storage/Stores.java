package echos.storage;

import echos.auth.ResetTokenStore;
import echos.auth.SessionStore;
import echos.conversation.ConversationStore;
import echos.media.MediaStore;
import echos.message.MessageStore;
import echos.user.UserStore;

/**
 * One backend family's implementation of every storage port. The application gets its ports from the family the
 * environment chose ({@link StoresProducer}); the contract suites get a fresh one per backend, so the same suite
 * runs on every database.
 */
public record Stores(UserStore users, SessionStore sessions, ResetTokenStore resetTokens, ConversationStore conversations,
        MessageStore messages, MediaStore media) {
}
