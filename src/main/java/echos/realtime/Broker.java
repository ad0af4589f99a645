package echos.realtime;

import java.util.function.Consumer;

/**
 * Carries every effect that crosses sockets to every node (centrifuge's Broker): a node publishes, every node
 * (itself included) receives, once, in the order one node published. In memory for one node; a Redis
 * implementation carries it between nodes. The database stays the source of truth: a broadcast lost by a broker
 * costs latency (clients notice the gap by seq and sync), never a message.
 */
public interface Broker {

    void publish(Broadcast broadcast);

    /** Registers this node's receiver; called once per node at start. */
    void subscribe(Consumer<Broadcast> receiver);
}
