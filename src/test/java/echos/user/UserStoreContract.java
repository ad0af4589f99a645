package echos.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import echos.storage.Stores;
import echos.storage.StoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} backend must do. Subclasses only say which database to use. */
public abstract class UserStoreContract extends StoreContract {

    private UserStore users;

    @Override
    protected void createStores(Stores stores) {
        users = stores.users();
    }

    private static NewUser newUser(String email) {
        return new NewUser(UUID.randomUUID().toString(), email, "Ada Lovelace", "$2a$10$hash", Instant.ofEpochMilli(1_700_000_000_123L));
    }

    private static String uniqueEmail() {
        return "u" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void findsCreatedUserByIdWithAllFields() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        User found = users.findById(created.id()).orElseThrow();
        assertEquals(new User(created.id(), created.email(), "Ada Lovelace", "", null, created.createdAt(), null, true), found);
    }

    @Test
    void findsUserByEmailInAnyLetterCase() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        assertEquals(created.id(), users.findByEmail(created.email().toUpperCase()).orElseThrow().id());
        assertEquals(created.id(), users.findCredentialsByEmail(created.email().toUpperCase()).orElseThrow().userId());
    }

    @Test
    void refusesSecondAccountWhoseEmailDiffersOnlyInCase() {
        String email = uniqueEmail();
        users.create(newUser(email));
        assertThrows(EmailTakenException.class, () -> users.create(newUser(email.toUpperCase())));
        assertEquals(1, users.findByEmail(email).stream().count());
    }

    @Test
    void letsOnlyOneOfManyConcurrentSignupsWithTheSameEmailSucceed() throws Exception {
        String email = uniqueEmail();
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        users.create(newUser(email));
                        return true;
                    } catch (EmailTakenException e) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int created = 0;
            for (Future<Boolean> result : results) {
                created += result.get() ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void returnsCredentialsOnlyForTheMatchingUser() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        assertEquals(new Credentials(created.id(), "$2a$10$hash"), users.findCredentialsById(created.id()).orElseThrow());
        assertTrue(users.findCredentialsByEmail(uniqueEmail()).isEmpty());
        assertTrue(users.findById("no-such-id").isEmpty());
    }

    @Test
    void updatesOnlyTheProfileFieldsGiven() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        users.updateProfile(created.id(), new ProfileChange(null, "Mathematician", null));
        User afterBio = users.updateProfile(created.id(), new ProfileChange("Ada King", null, null)).orElseThrow();
        assertEquals("Ada King", afterBio.fullName());
        assertEquals("Mathematician", afterBio.bio());
        assertEquals(afterBio, users.findById(created.id()).orElseThrow());
    }

    @Test
    void updatingAnUnknownUserFindsNothing() {
        assertTrue(users.updateProfile("no-such-id", new ProfileChange("X", null, null)).isEmpty());
    }

    @Test
    void replacesThePasswordHash() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        users.updatePasswordHash(created.id(), "$2a$10$other");
        assertEquals("$2a$10$other", users.findCredentialsById(created.id()).orElseThrow().passwordHash());
    }

    @Test
    void findsOnlyExistingUsersAmongManyIds() {
        NewUser a = newUser(uniqueEmail());
        NewUser b = newUser(uniqueEmail());
        users.create(a);
        users.create(b);
        List<String> found = users.findByIds(List.of(a.id(), b.id(), a.id(), "missing")).stream().map(User::id).sorted().toList();
        assertEquals(java.util.stream.Stream.of(a.id(), b.id()).sorted().toList(), found);
        assertTrue(users.findByIds(List.of()).isEmpty());
    }

    @Test
    void searchesNamePartsIgnoringCaseAndExcludingTheSearcher() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        NewUser alice = new NewUser(UUID.randomUUID().toString(), "alice." + tag + "@example.com", "Alice " + tag, "h", Instant.EPOCH);
        NewUser bob = new NewUser(UUID.randomUUID().toString(), "bob." + tag + "@example.com", "Bob Percent%_" + tag, "h", Instant.EPOCH);
        users.create(alice);
        users.create(bob);
        assertEquals(List.of(alice.id()), ids(users.search("ALICE " + tag.toUpperCase(), bob.id(), 10)));
        assertEquals(List.of(alice.id()), ids(users.search("ice " + tag.substring(0, 4), bob.id(), 10)));
        assertEquals(List.of(bob.id()), ids(users.search(tag, alice.id(), 10)));
        assertEquals(2, users.search(tag, "nobody", 10).size());
        assertEquals(1, users.search(tag, "nobody", 1).size());
    }

    @Test
    void findsByTheWholeEmailInAnyCaseButNeverByAPartOfIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        NewUser grace = new NewUser(UUID.randomUUID().toString(), "grace." + tag + "@example.com", "Grace Hopper", "h", Instant.EPOCH);
        users.create(grace);
        assertEquals(List.of(grace.id()), ids(users.search("Grace." + tag.toUpperCase() + "@Example.COM", "nobody", 10)));
        for (String part : List.of("grace." + tag, tag + "@example.com", "grace." + tag + "@example.co", "race." + tag + "@example.com",
                "@example.com", tag)) {
            assertTrue(ids(users.search(part, "nobody", 50)).isEmpty(), "found by part of the email: " + part);
        }
    }

    @Test
    void treatsWildcardCharactersInTheQueryAsPlainText() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        NewUser plain = new NewUser(UUID.randomUUID().toString(), "plain." + tag + "@example.com", "Plain " + tag, "h", Instant.EPOCH);
        NewUser odd = new NewUser(UUID.randomUUID().toString(), "odd." + tag + "@example.com", "Odd 100%_" + tag, "h", Instant.EPOCH);
        users.create(plain);
        users.create(odd);
        assertEquals(List.of(odd.id()), ids(users.search("%_" + tag, "nobody", 10)));
        assertTrue(ids(users.search("Plain_" + tag, "nobody", 10)).isEmpty());
        assertTrue(ids(users.search("Pl%" + tag, "nobody", 10)).isEmpty());
        assertTrue(ids(users.search("%", "nobody", 50)).stream().noneMatch(id -> id.equals(plain.id())));
        assertTrue(ids(users.search("_", "nobody", 50)).stream().noneMatch(id -> id.equals(plain.id())));
        assertTrue(ids(users.search("plain." + tag + "@example.___", "nobody", 10)).isEmpty());
        assertTrue(ids(users.search("plain." + tag + "@%", "nobody", 10)).isEmpty());
    }

    @Test
    void showsOnlineByDefaultAndRemembersTurningItOff() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        assertTrue(users.findById(created.id()).orElseThrow().showOnline());
        User hidden = users.updateProfile(created.id(), new ProfileChange(null, null, false)).orElseThrow();
        assertFalse(hidden.showOnline());
        assertFalse(users.findById(created.id()).orElseThrow().showOnline());
        assertFalse(users.updateProfile(created.id(), new ProfileChange("Renamed", null, null)).orElseThrow().showOnline());
        assertTrue(users.updateProfile(created.id(), new ProfileChange(null, null, true)).orElseThrow().showOnline());
    }

    @Test
    void listsEveryoneButTheExcludedUserByNameIgnoringCaseThenIdUpToTheLimit() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        NewUser zed = new NewUser("b-" + tag, "zed." + tag + "@example.com", "zed", "h", Instant.EPOCH);
        NewUser amy = new NewUser("c-" + tag, "amy." + tag + "@example.com", "Amy", "h", Instant.EPOCH);
        NewUser amyToo = new NewUser("a-" + tag, "amy2." + tag + "@example.com", "AMY", "h", Instant.EPOCH);
        NewUser me = new NewUser("d-" + tag, "me." + tag + "@example.com", "Aaron", "h", Instant.EPOCH);
        for (NewUser u : List.of(zed, amy, amyToo, me)) {
            users.create(u);
        }
        List<String> mine = List.of(zed.id(), amy.id(), amyToo.id(), me.id());
        List<String> listed = ids(users.listOthers(me.id(), 10_000)).stream().filter(mine::contains).toList();
        assertEquals(List.of(amyToo.id(), amy.id(), zed.id()), listed);
        List<String> everyone = ids(users.listOthers("nobody", 10_000));
        assertTrue(everyone.contains(me.id()));
        assertEquals(everyone.subList(0, 2), ids(users.listOthers("nobody", 2)));
    }

    private static List<String> ids(List<User> found) {
        return found.stream().map(User::id).toList();
    }

    @Test
    void remembersWhenAUserWasLastSeen() {
        NewUser created = newUser(uniqueEmail());
        users.create(created);
        users.updateLastSeen(created.id(), Instant.ofEpochMilli(1_800_000_000_000L));
        assertEquals(Instant.ofEpochMilli(1_800_000_000_000L), users.findById(created.id()).orElseThrow().lastSeenAt());
    }

    @Test
    void keepsTextExactlyIncludingUnicode() {
        NewUser created = new NewUser(UUID.randomUUID().toString(), uniqueEmail(), "Zoë 李 🚀 <b>", "h", Instant.ofEpochMilli(1));
        users.create(created);
        users.updateProfile(created.id(), new ProfileChange(null, "line one\nline two 'quoted' \"double\"", null));
        User found = users.findById(created.id()).orElseThrow();
        assertEquals("Zoë 李 🚀 <b>", found.fullName());
        assertEquals("line one\nline two 'quoted' \"double\"", found.bio());
    }
}
