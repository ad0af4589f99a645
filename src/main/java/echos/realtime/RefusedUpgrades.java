package echos.realtime;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A socket upgrade with a bad token is answered 401 by {@link SocketUpgradeCheck}; the same authentication
 * failure then also reaches the HTTP failure handlers, which would log an error while trying to answer twice.
 * This handler stops that second, pointless answer.
 */
@ApplicationScoped
public class RefusedUpgrades {

    void install(@Observes Router router) {
        router.route("/ws").order(-300).failureHandler(rc -> {
            if (rc.response().ended() || rc.response().headWritten()) {
                return;
            }
            rc.next();
        });
    }
}
