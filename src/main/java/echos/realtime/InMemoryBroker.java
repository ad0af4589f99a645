package echos.realtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/** {@link Broker} for one node: hands each broadcast to the receivers in the publishing thread. */
public class InMemoryBroker implements Broker {

    private static final Logger LOG = Logger.getLogger(InMemoryBroker.class);

    private final List<Consumer<Broadcast>> receivers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Broadcast broadcast) {
        for (Consumer<Broadcast> receiver : receivers) {
            try {
                receiver.accept(broadcast);
            } catch (RuntimeException e) {
                LOG.errorf(e, "event=broadcast_failed kind=%s", broadcast.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void subscribe(Consumer<Broadcast> receiver) {
        receivers.add(receiver);
    }
}
