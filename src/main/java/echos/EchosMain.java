package echos;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
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
        Quarkus.run(args);
    }
}
