package echos.realtime;

import java.util.Collections;
import java.util.List;

/** The one-node broker: every node of its "cluster" is the same broker, subscribed to once per node. */
class InMemoryBrokerTest extends BrokerContract {

    @Override
    protected List<Broker> cluster(int nodes) {
        return Collections.nCopies(nodes, new InMemoryBroker());
    }
}
