package echos.storage.sql;

import echos.auth.sql.SqlResetTokenStore;
import echos.auth.sql.SqlSessionStore;
import echos.conversation.sql.SqlConversationStore;
import echos.media.sql.SqlMediaStore;
import echos.message.sql.SqlMessageStore;
import echos.storage.GroupCommit;
import echos.storage.Jdbc;
import echos.storage.Stores;
import echos.user.sql.SqlUserStore;

/** The SQL family (SQLite and PostgreSQL alike) over one {@link Jdbc}. */
public final class SqlStores {

    private SqlStores() {
    }

    /** Sends of at most this many messages share one commit, unless configured otherwise. */
    public static final int DEFAULT_GROUP_COMMIT_MAX = 256;

    public static Stores over(Jdbc jdbc) {
        return over(jdbc, DEFAULT_GROUP_COMMIT_MAX);
    }

    /** @param groupCommitMax how many concurrent sends may share one transaction (1: each its own) */
    public static Stores over(Jdbc jdbc, int groupCommitMax) {
        return new Stores(new SqlUserStore(jdbc), new SqlSessionStore(jdbc), new SqlResetTokenStore(jdbc), new SqlConversationStore(jdbc),
                new SqlMessageStore(jdbc, new GroupCommit(jdbc, groupCommitMax)), new SqlMediaStore(jdbc));
    }
}
