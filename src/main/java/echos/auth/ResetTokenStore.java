package echos.auth;

import java.time.Instant;
import java.util.Optional;

/** Storage port for password reset tokens. */
public interface ResetTokenStore {

    void create(ResetToken token);

    /** Makes every not yet used token of the user unusable. */
    void invalidateAllOf(String userId);

    /**
     * Uses a token: if it exists, is unused and not expired at {@code now}, marks it used and returns its user.
     * Two concurrent calls with the same token cannot both succeed.
     */
    Optional<String> consume(String tokenHash, Instant now);
}
