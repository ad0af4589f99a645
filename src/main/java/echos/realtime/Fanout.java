package echos.realtime;

import echos.auth.SessionsEnded;
import java.util.Collection;

/** Every effect that reaches sockets other than the caller's own, wherever they are connected. */
public interface Fanout {

    void toUsers(Collection<String> userIds, OutboundFrame frame);

    /** As {@link #toUsers}, but not to the socket the event came from (it gets its own reply). */
    void toUsersExcept(Collection<String> userIds, OutboundFrame frame, String originConnectionId);

    /** Closes the open sockets of these sessions with {@link CloseCodes#SESSION_REVOKED}. */
    void endSessions(SessionsEnded ended);

    /** Tells every node that the members of this conversation changed, so none keeps sending by an old member list. */
    void membershipChanged(String conversationId);

    /** Closes these sockets, wherever they are open, with {@link CloseCodes#TOO_MANY_SOCKETS}. */
    void closeOverCap(Collection<String> connectionIds);
}
