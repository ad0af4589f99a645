package echos.socketio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node client scripts of src/test/node (socket.io-client and axios, versions pinned in its lockfile),
 * installing them with {@code npm ci} the first time. Each run is bounded; the process is destroyed on timeout.
 */
public final class NodeScripts {

    public static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

    private NodeScripts() {
    }

    /** What a finished script did. */
    public record Result(int exitCode, String output) {
    }

    public static synchronized void install() throws IOException, InterruptedException {
        if (Files.isDirectory(DIR.resolve("node_modules").resolve("socket.io-client"))) {
            return;
        }
        Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), 300);
        if (ci.exitCode() != 0) {
            throw new IllegalStateException("npm ci in " + DIR + " failed:\n" + ci.output());
        }
    }

    /** {@code node <script> <args...>}, waited for at most {@code timeoutSeconds}. */
    public static Result node(String script, int timeoutSeconds, String... args) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(command, timeoutSeconds);
    }

    /** Starts {@code node <script> <args...>} with stdin open, for scripts driven step by step. */
    public static Process start(String script, Path output, String... args) throws IOException, InterruptedException {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile())).start();
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        File log = File.createTempFile("echos-node-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, Files.readString(log.toPath(), StandardCharsets.UTF_8) + "\n(killed after " + timeoutSeconds + " s)");
            }
            return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }
}
