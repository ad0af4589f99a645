package echos.user;

/** Thrown by a {@link UserStore} when another account already has the email, in any letter case. */
public class EmailTakenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmailTakenException(String email) {
        super("email already registered");
    }
}
