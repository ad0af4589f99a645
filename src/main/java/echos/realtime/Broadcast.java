package echos.realtime;

import echos.auth.SessionsEnded;
import java.util.List;

/** What one node tells every node: plain data, so a broker can carry it over the wire. */
public sealed interface Broadcast {

    /** An encoded frame for every socket of these users, except the socket {@code exceptConnectionId} (may be null). */
    record ToUsers(List<String> userIds, String text, String exceptConnectionId) implements Broadcast {
        public ToUsers {
            userIds = List.copyOf(userIds);
        }
    }

    /** Close the open sockets of the ended sessions, wherever they are. */
    record EndSessions(SessionsEnded ended) implements Broadcast {
    }

    /** Close these sockets: their account is over the per-account socket cap and these are its oldest. */
    record CloseOverCap(List<String> connectionIds) implements Broadcast {
        public CloseOverCap {
            connectionIds = List.copyOf(connectionIds);
        }
    }

    /** The members of this conversation changed: forget what is cached about them. */
    record MembershipChanged(String conversationId) implements Broadcast {
    }

    /**
     * Broadcasts may have been lost (a node's link to Redis broke and came back): every socket that gets this
     * is told to {@code sync}, which replays whatever it missed from the database.
     */
    record MayHaveMissed() implements Broadcast {
    }
}
