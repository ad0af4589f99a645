package echos.realtime;

import echos.presence.PresenceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The per-account socket cap across every node: after a socket opened and joined presence, the account's open
 * connections (presence knows them on every node, oldest first) beyond WS_MAX_SOCKETS_PER_ACCOUNT are closed,
 * oldest first, wherever they are. {@link Connections} already holds the cap on this node without a round trip;
 * this catches the sockets the account holds on other nodes. Two opens racing on two nodes may both close the
 * same oldest socket; closing twice is harmless.
 */
@ApplicationScoped
public class SocketCap {

    private static final Logger LOG = Logger.getLogger(SocketCap.class);

    private final PresenceRegistry presence;
    private final Fanout fanout;
    private final int maxPerAccount;

    public SocketCap(PresenceRegistry presence, Fanout fanout,
            @ConfigProperty(name = "echos.ws.max-sockets-per-account") int maxPerAccount) {
        this.presence = presence;
        this.fanout = fanout;
        this.maxPerAccount = maxPerAccount;
    }

    void opened(String userId, String connectionId) {
        List<String> open = presence.connections(userId);
        if (open.size() <= maxPerAccount) {
            return;
        }
        List<String> oldest = open.stream().filter(id -> !id.equals(connectionId)).limit(open.size() - maxPerAccount).toList();
        LOG.infof("event=socket_evicted user=%s reason=too_many_sockets scope=cluster count=%d max=%d", userId, oldest.size(), maxPerAccount);
        fanout.closeOverCap(oldest);
    }
}
