package echos.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/** Serves index.html for client-side routes (/login, /profile...) so they load on refresh. */
@ApplicationScoped
public class SpaRouting {

    private static final Pattern SERVER_PATHS = Pattern.compile("^/(api|ws|q|socket\\.io)(/.*)?$");

    void install(@Observes Router router) {
        router.get("/*").order(-100).handler(rc -> {
            if (isClientRoute(rc.normalizedPath())) {
                rc.reroute("/");
            } else {
                rc.next();
            }
        });
    }

    static boolean isClientRoute(String path) {
        if (path.equals("/") || SERVER_PATHS.matcher(path).matches()) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
