package echos.common.ratelimit;

import java.time.Clock;
import java.util.Collections;
import java.util.List;

/** The one-node buckets: every node of the "cluster" is the same object. */
class TokenBucketsTest extends BucketsContract {

    @Override
    protected List<Buckets> cluster(Clock clock, int nodes, int capacity, double perSecond) {
        return Collections.nCopies(nodes, new TokenBuckets(clock, capacity, perSecond));
    }
}
