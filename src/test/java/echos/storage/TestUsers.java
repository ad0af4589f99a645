package echos.storage;

import echos.user.NewUser;
import echos.user.sql.SqlUserStore;
import java.time.Instant;
import java.util.UUID;

/** Creates users straight in a test database, for store contracts that need someone to point at. */
public final class TestUsers {

    private final SqlUserStore users;

    public TestUsers(Jdbc jdbc) {
        this.users = new SqlUserStore(jdbc);
    }

    public String create() {
        String id = UUID.randomUUID().toString();
        users.create(new NewUser(id, id + "@example.com", "User " + id.substring(0, 6), "h", Instant.EPOCH));
        return id;
    }
}
