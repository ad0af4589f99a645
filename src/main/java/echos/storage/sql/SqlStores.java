package echos.storage.sql;

import echos.auth.ResetTokenStore;
import echos.auth.SessionStore;
import echos.auth.sql.SqlResetTokenStore;
import echos.auth.sql.SqlSessionStore;
import echos.conversation.ConversationStore;
import echos.conversation.sql.SqlConversationStore;
import echos.media.MediaStore;
import echos.media.sql.SqlMediaStore;
import echos.message.MessageStore;
import echos.message.sql.SqlMessageStore;
import echos.storage.Jdbc;
import echos.storage.Stores;
import echos.user.UserStore;
import echos.user.sql.SqlUserStore;

/** The SQL family (SQLite and PostgreSQL alike) over one {@link Jdbc}. */
public final class SqlStores implements Stores {

    private final UserStore users;
    private final SessionStore sessions;
    private final ResetTokenStore resetTokens;
    private final ConversationStore conversations;
    private final MessageStore messages;
    private final MediaStore media;

    public SqlStores(Jdbc jdbc) {
        this.users = new SqlUserStore(jdbc);
        this.sessions = new SqlSessionStore(jdbc);
        this.resetTokens = new SqlResetTokenStore(jdbc);
        this.conversations = new SqlConversationStore(jdbc);
        this.messages = new SqlMessageStore(jdbc);
        this.media = new SqlMediaStore(jdbc);
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public ResetTokenStore resetTokens() {
        return resetTokens;
    }

    @Override
    public ConversationStore conversations() {
        return conversations;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public MediaStore media() {
        return media;
    }
}
