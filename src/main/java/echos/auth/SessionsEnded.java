package echos.auth;

/**
 * Sessions were revoked: the one named by {@code sessionId}, or when it is null every session of {@code userId}
 * except {@code keptSessionId} (null: all of them). Open sockets of those sessions are closed.
 */
public record SessionsEnded(String userId, String sessionId, String keptSessionId) {

    public static SessionsEnded one(String sessionId) {
        return new SessionsEnded(null, sessionId, null);
    }

    public static SessionsEnded allOf(String userId, String keptSessionId) {
        return new SessionsEnded(userId, null, keptSessionId);
    }

    public boolean covers(String userIdOfSession, String sessionIdToCheck) {
        if (sessionId != null) {
            return sessionId.equals(sessionIdToCheck);
        }
        return userId.equals(userIdOfSession) && !sessionIdToCheck.equals(keptSessionId);
    }
}
