package echos.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import echos.storage.TestUsers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import echos.storage.Stores;
import echos.storage.StoreContract;
import org.junit.jupiter.api.Test;

/** What every {@link ResetTokenStore} backend must do: single use, expiry, invalidation. */
public abstract class ResetTokenStoreContract extends StoreContract {

    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    private ResetTokenStore tokens;
    private TestUsers users;

    @Override
    protected void createStores(Stores stores) {
        tokens = stores.resetTokens();
        users = new TestUsers(stores);
    }

    private String issue(String userId) {
        String hash = UUID.randomUUID().toString();
        tokens.create(new ResetToken(hash, userId, T0, T0.plusSeconds(1800)));
        return hash;
    }

    @Test
    void aTokenWorksOnceForItsUser() {
        String user = users.create();
        String hash = issue(user);
        assertEquals(Optional.of(user), tokens.consume(hash, T0.plusSeconds(60)));
        assertEquals(Optional.empty(), tokens.consume(hash, T0.plusSeconds(61)));
    }

    @Test
    void anExpiredOrUnknownTokenDoesNotWork() {
        String hash = issue(users.create());
        assertEquals(Optional.empty(), tokens.consume(hash, T0.plusSeconds(1800)));
        assertEquals(Optional.empty(), tokens.consume("unknown", T0));
    }

    @Test
    void invalidationEndsEveryUnusedTokenOfTheUserOnly() {
        String user = users.create();
        String other = users.create();
        String first = issue(user);
        String second = issue(user);
        String others = issue(other);
        tokens.invalidateAllOf(user);
        assertTrue(tokens.consume(first, T0).isEmpty());
        assertTrue(tokens.consume(second, T0).isEmpty());
        assertEquals(Optional.of(other), tokens.consume(others, T0));
    }

    @Test
    void concurrentUsesOfOneTokenSucceedOnce() throws Exception {
        String hash = issue(users.create());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return tokens.consume(hash, T0.plusSeconds(5));
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Optional<String>> r : results) {
                succeeded += r.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, succeeded);
        } finally {
            pool.shutdownNow();
        }
    }
}
