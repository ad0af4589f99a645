package echos.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints one table over the results directories of a `bench/run.sh all` run: per run its headline figure and the CPU
 * of the server and of everything else on the machine while it ran, read back from each client.out.
 */
public final class Summary {

    private static final Pattern CPU = Pattern.compile(
            "server\\(s\\) [\\d.]+ core-s \\(([\\d.]+) cores\\), client [\\d.]+ core-s \\(([\\d.]+) cores\\), PostgreSQL processes [\\d.]+ core-s \\(([\\d.]+) cores\\).*everything else.* \\(([\\d.-]+) cores\\)");
    private static final Pattern STARTUP = Pattern.compile("== start to ready: median ([\\d.]+) ms, min (\\d+) ms over (\\d+) runs");
    private static final Pattern STARTUP_OTHERS = Pattern.compile("others ([\\d.]+) cores");

    private Summary() {
    }

    public static void main(String[] dirs) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"run", "headline figure", "server cores", "client cores", "PostgreSQL cores", "others cores"});
        for (String d : dirs) {
            rows.add(row(Path.of(d)));
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < width.length; i++) {
                line.append(' ').append(String.format("%-" + width[i] + "s", rows.get(k)[i])).append(" |");
            }
            System.out.println(line);
            if (k == 0) {
                StringBuilder rule = new StringBuilder("|");
                for (int w : width) {
                    rule.append("-".repeat(w + 2)).append('|');
                }
                System.out.println(rule);
            }
        }
    }

    static String[] row(Path dir) throws IOException {
        String name = dir.getFileName().toString().replaceFirst("^\\d{8}T\\d{6}Z-", "");
        Path out = dir.resolve("client.out");
        if (!Files.exists(out)) {
            return new String[] {name, "no client.out (the run did not start)", "", "", "", ""};
        }
        List<String> lines = Files.readAllLines(out);
        String[] cpu = {"?", "?", "?", "?"};
        JsonObject summary = null;
        for (String l : lines) {
            Matcher m = CPU.matcher(l);
            if (m.find()) {
                cpu = new String[] {m.group(1), m.group(2), m.group(3), m.group(4)};
            }
            if (l.startsWith("SUMMARY ")) {
                summary = new JsonObject(l.substring("SUMMARY ".length()));
            }
            Matcher s = STARTUP.matcher(l);
            if (s.find()) {
                return new String[] {name, "start to ready: median " + s.group(1) + " ms, min " + s.group(2) + " ms (" + s.group(3) + " runs)",
                        "", "", "", startupOthers(lines)};
            }
        }
        String figure = summary == null ? "no SUMMARY line: failed, see client.out" : headline(summary);
        return new String[] {name, figure, cpu[0], cpu[1], cpu[2], cpu[3]};
    }

    private static String startupOthers(List<String> lines) {
        double max = 0;
        for (String l : lines) {
            if (l.startsWith("run ")) {
                Matcher m = STARTUP_OTHERS.matcher(l);
                if (m.find()) {
                    max = Math.max(max, Double.parseDouble(m.group(1)));
                }
            }
        }
        return String.format(Locale.ROOT, "max %.2f", max);
    }

    static String headline(JsonObject s) {
        String scenario = s.getString("scenario");
        String once = s.getBoolean("all_acked_and_delivered_exactly_once", false) ? "" : "; NOT all delivered exactly once";
        switch (scenario) {
            case "latency":
                return String.format(Locale.ROOT, "%s msg/s offered: send->receive p50 %s ms, p99 %s ms; ack p99 %s ms%s",
                        s.getValue("offered_rate"), s.getValue("delivery_p50_ms"), s.getValue("delivery_p99_ms"), s.getValue("ack_p99_ms"), once);
            case "throughput":
            case "fanout": {
                int best = s.getInteger("max_sustained_offered_rate", 0);
                JsonObject at = null;
                JsonArray steps = s.getJsonArray("steps", new JsonArray());
                for (int i = 0; i < steps.size(); i++) {
                    JsonObject step = steps.getJsonObject(i);
                    if (step.getNumber("offered_rate").intValue() == best) {
                        at = step;
                    }
                }
                if (at == null) {
                    return "no step sustained" + once;
                }
                String what = scenario.equals("fanout")
                        ? String.format(Locale.ROOT, "%d msg/s to %d members = %s deliveries/s, delivery p99 %s ms", best,
                                s.getInteger("deliveries_per_message") + 1, at.getValue("deliveries_per_s_in_window"), at.getValue("delivery_p99_ms"))
                        : String.format(Locale.ROOT, "%d msg/s sustained%s (acks %s/s), ack p99 %s ms, delivery p99 %s ms", best,
                                "http".equals(s.getString("send_over")) ? " over HTTP POST" : "",
                                at.getValue("acks_per_s_in_window"), at.getValue("ack_p99_ms"), at.getValue("delivery_p99_ms"));
                return what + once;
            }
            case "idle":
                return String.format(Locale.ROOT, "%s sockets in %s s; per socket after full GC: RSS %s B, live heap %s B",
                        s.getValue("sockets_opened"), s.getValue("connect_seconds"), s.getValue("rss_growth_per_socket_bytes_full_gc"),
                        s.getValue("heap_used_growth_per_socket_bytes_full_gc"));
            default:
                return "unknown scenario " + scenario;
        }
    }
}
