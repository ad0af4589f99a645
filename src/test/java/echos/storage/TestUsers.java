package echos.storage;

import echos.user.NewUser;
import echos.user.UserStore;
import java.time.Instant;
import java.util.UUID;

/** Creates users straight in a test database, for store contracts that need someone to point at. */
public final class TestUsers {

    private final UserStore users;

    public TestUsers(Stores stores) {
        this.users = stores.users();
    }

    public String create() {
        String id = UUID.randomUUID().toString();
        users.create(new NewUser(id, id + "@example.com", "User " + id.substring(0, 6), "h", Instant.EPOCH));
        return id;
    }
}
