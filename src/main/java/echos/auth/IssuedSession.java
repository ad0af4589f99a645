package echos.auth;

/** A freshly started session and the signed token that names it. */
public record IssuedSession(Session session, String token) {
}
