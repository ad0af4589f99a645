package echos.realtime;

import echos.common.web.AllowedOrigins;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.vertx.core.http.HttpConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides on the socket upgrade before anything else: 403 for a foreign browser Origin (cross-site WebSocket
 * hijacking), 401 without a valid, unrevoked session. Answering here keeps refused upgrades out of the error log.
 */
@ApplicationScoped
public class SocketUpgradeCheck implements HttpUpgradeCheck {

    /** The socket's TCP connection, so a peer that never answers the close handshake can be cut off. */
    static final UserData.TypedKey<HttpConnection> TCP = new UserData.TypedKey<>("echos.tcp");

    private final AllowedOrigins origins;

    public SocketUpgradeCheck(AllowedOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (!origins.admitsSocket(context.httpRequest())) {
            return CheckResult.rejectUpgrade(403);
        }
        return context.securityIdentity()
                .onItemOrFailure().transformToUni((identity, failure) -> failure != null || identity == null || identity.isAnonymous()
                        ? CheckResult.rejectUpgrade(401)
                        : permit(context));
    }

    private static Uni<CheckResult> permit(HttpUpgradeContext context) {
        context.userData().put(TCP, context.httpRequest().connection());
        return CheckResult.permitUpgrade();
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return ChatSocket.ENDPOINT_ID.equals(endpointId);
    }
}
