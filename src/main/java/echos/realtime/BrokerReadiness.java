package echos.realtime;

import echos.realtime.redis.RedisBroker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how broadcasts reach the other nodes. Without Redis the node is degraded, not down: it still stores,
 * acknowledges and delivers to its own sockets, so it stays in the load balancer.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final String NAME = "Broadcasts between nodes";

    private final Broker broker;

    public BrokerReadiness(Broker broker) {
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        if (broker instanceof RedisBroker redis) {
            return HealthCheckResponse.named(NAME).up().withData("broker", "redis")
                    .withData("redis", redis.connected() ? "connected" : "degraded: unreachable, other nodes' sockets miss broadcasts until it is back")
                    .build();
        }
        return HealthCheckResponse.named(NAME).up().withData("broker", "memory (one node)").build();
    }
}
