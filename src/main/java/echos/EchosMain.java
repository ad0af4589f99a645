package echos;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import echos.storage.DatabaseUrl;
import echos.storage.DeploymentLock;
import echos.storage.SqliteWarmUp;
import echos.storage.StorageBackend;
import echos.storage.mongo.MongoDeploymentLease;
import java.nio.file.Path;
import java.util.Optional;

/** Entry point: refuses to start with one clear line when the environment is wrong, then runs Quarkus. */
@QuarkusMain
public final class EchosMain {

    private EchosMain() {
    }

    public static void main(String... args) {
        Optional<String> problem = StartupCheck.fromProcess(Path.of("")).problem();
        if (problem.isPresent()) {
            System.err.println("echos: cannot start: " + problem.get());
            System.exit(1);
        }
        StartupCheck settings = StartupCheck.fromProcess(Path.of(""));
        if (StorageBackend.choose(settings.value("DATABASE_URL"), settings.value("MONGO_URI"), settings.value("MONGODB_URI")) == StorageBackend.SQLITE) {
            SqliteWarmUp.start();
        }
        String cert = settings.value("TLS_CERT_FILE");
        if (cert != null) {
            // set here, not in application.properties: an empty PEM path there would fail every start without TLS
            System.setProperty("quarkus.tls.key-store.pem.main.cert", cert);
            System.setProperty("quarkus.tls.key-store.pem.main.key", settings.value("TLS_KEY_FILE"));
            String insecure = settings.value("HTTP_INSECURE");
            System.setProperty("quarkus.http.insecure-requests", insecure == null ? "redirect" : insecure.toLowerCase(java.util.Locale.ROOT));
        }
        Optional<String> sharing = takeDeploymentLock();
        if (sharing.isPresent()) {
            System.err.println("echos: cannot start: " + sharing.get());
            System.exit(1);
        }
        Quarkus.run(args);
    }

    /** Held until the process ends: its connection carries the PostgreSQL advisory lock. */
    private static DeploymentLock deploymentLock;

    /** Held until the process ends: on MongoDB, its heartbeat keeps the node's lease. */
    private static MongoDeploymentLease mongoLease;

    private static Optional<String> takeDeploymentLock() {
        StartupCheck settings = StartupCheck.fromProcess(Path.of(""));
        String mongoUri = settings.value("MONGO_URI") != null ? settings.value("MONGO_URI") : settings.value("MONGODB_URI");
        if (mongoUri != null) {
            MongoDeploymentLease.Outcome outcome = MongoDeploymentLease.take(mongoUri, settings.value("REDIS_URL") != null,
                    java.time.Clock.systemUTC(), MongoDeploymentLease.TTL.plusSeconds(2));
            mongoLease = outcome.lease().orElse(null);
            if (mongoLease != null) {
                Runtime.getRuntime().addShutdownHook(new Thread(mongoLease::close));
            }
            return outcome.problem();
        }
        String databaseUrl = settings.value("DATABASE_URL");
        if (databaseUrl == null) {
            return Optional.empty(); // SQLite: one process by nature
        }
        DeploymentLock.Outcome outcome = DeploymentLock.take(DatabaseUrl.parse(databaseUrl), settings.value("REDIS_URL") != null);
        deploymentLock = outcome.lock().orElse(null);
        return outcome.problem();
    }
}
