package echos.realtime;

import echos.common.web.AllowedOrigins;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Refuses socket upgrades from foreign browser origins (cross-site WebSocket hijacking) with 403. */
@ApplicationScoped
public class SocketOriginCheck implements HttpUpgradeCheck {

    private final AllowedOrigins origins;

    public SocketOriginCheck(AllowedOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String origin = context.httpRequest().getHeader("Origin");
        if (origin == null || origins.isAllowed(origin, context.httpRequest().getHeader("Host"))) {
            return CheckResult.permitUpgrade();
        }
        return CheckResult.rejectUpgrade(403);
    }
}
