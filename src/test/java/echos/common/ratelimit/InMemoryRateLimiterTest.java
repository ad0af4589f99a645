package echos.common.ratelimit;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

class InMemoryRateLimiterTest extends RateLimiterContract {

    @Override
    protected List<RateLimiter> cluster(Clock clock, int nodes) {
        return Collections.nCopies(nodes, new InMemoryRateLimiter(clock));
    }
}
