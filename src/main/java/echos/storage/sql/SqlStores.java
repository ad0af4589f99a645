package echos.storage.sql;

import echos.auth.sql.SqlResetTokenStore;
import echos.auth.sql.SqlSessionStore;
import echos.conversation.sql.SqlConversationStore;
import echos.media.sql.SqlMediaStore;
import echos.message.sql.SqlMessageStore;
import echos.storage.Jdbc;
import echos.storage.Stores;
import echos.user.sql.SqlUserStore;

/** The SQL family (SQLite and PostgreSQL alike) over one {@link Jdbc}. */
public final class SqlStores {

    private SqlStores() {
    }

    public static Stores over(Jdbc jdbc) {
        return new Stores(new SqlUserStore(jdbc), new SqlSessionStore(jdbc), new SqlResetTokenStore(jdbc), new SqlConversationStore(jdbc),
                new SqlMessageStore(jdbc), new SqlMediaStore(jdbc));
    }
}
