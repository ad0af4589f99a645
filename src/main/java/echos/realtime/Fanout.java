package echos.realtime;

import java.util.Collection;

/** Delivers a frame to every open socket of some users, wherever they are connected. */
public interface Fanout {

    void toUsers(Collection<String> userIds, OutboundFrame frame);

    /** As {@link #toUsers}, but not to the socket the event came from (it gets its own reply). */
    void toUsersExcept(Collection<String> userIds, OutboundFrame frame, String originConnectionId);
}
