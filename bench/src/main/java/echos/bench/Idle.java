package echos.bench;

import io.vertx.core.http.WebSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * idle: opens --sockets authenticated sockets spread over --users users (no conversations, so no presence traffic), lets
 * the server settle, and reports the growth of the server's resident memory (VmRSS) per socket, with and without a
 * forced full GC, plus the growth of used heap after a full GC (jcmd GC.run, GC.heap_info). Over --transport ws (/ws) or
 * socketio (/socket.io/ over a WebSocket, its pings answered by {@link Socks}).
 */
final class Idle {

    private Idle() {
    }

    record Sample(long rssKb, long threads, long heapUsedKb, long heapCommittedKb) {
        Map<String, Object> map() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rss_kib", rssKb);
            m.put("threads", threads);
            m.put("heap_used_kib", heapUsedKb);
            m.put("heap_committed_kib", heapCommittedKb);
            return m;
        }
    }

    static int run(Args a) throws Exception {
        String host = a.str("host", "127.0.0.1");
        int port = a.integer("port", 5090);
        String db = a.str("db", "?");
        Socks.Transport transport = Socks.Transport.of(a.str("transport", "ws"));
        String tag = a.str("tag", Main.tag());
        int nUsers = a.integer("users", 100);
        int nSockets = a.integer("sockets", 10_000);
        long pid = a.lng("server-pid", 0);
        String jcmd = a.str("jcmd", "jcmd");
        int concurrency = a.integer("connect-concurrency", 100);
        int settle = a.integer("settle", 20);
        int hold = a.integer("hold", 15);
        int eventLoops = a.integer("event-loops", 2);
        int histogramTop = a.integer("class-histogram-top", 25);
        a.checkAllUsed();
        if (pid <= 0) {
            System.err.println("--server-pid is required (the server's process id, to read /proc/<pid>/status)");
            return 2;
        }
        long fdLimit = fdLimit();
        Log.info("client open-files limit: %s (this process needs %d sockets)", fdLimit < 0 ? "unknown" : fdLimit, nSockets);
        if (fdLimit > 0 && fdLimit < nSockets + 500) {
            System.err.println("open-files limit " + fdLimit + " is too low for " + nSockets + " sockets in one process; lower --sockets and run two clients");
            return 2;
        }

        Api api = new Api(host, port);
        List<Api.User> users = api.signup(tag, nUsers, 4);
        try (Socks socks = new Socks(host, port, eventLoops, transport)) {
            LongAdder frames = new LongAdder();
            Socks.Handler count = (i, t) -> frames.increment();
            // warm-up: one socket per user opened and closed, a few HTTP requests, so code paths are loaded before the baseline
            List<String> warmTokens = new ArrayList<>();
            users.forEach(u -> warmTokens.add(u.token()));
            for (int round = 0; round < 3; round++) {
                WebSocket[] warm = socks.connectAll(warmTokens, concurrency, count, null);
                for (WebSocket ws : warm) {
                    if (ws != null) {
                        socks.send(ws, "ping", null, "{}");
                    }
                }
                for (int k = 0; k < 20; k++) {
                    api.me(users.get(k % users.size()));
                }
                Thread.sleep(500);
                socks.closeAll(warm);
            }
            Log.info("warm-up done (3 x %d sockets opened and closed); waiting 8 s for presence grace timers", users.size());
            Thread.sleep(8000);
            Sample before = sample(pid, jcmd, false);
            Sample beforeGc = sample(pid, jcmd, true);
            Log.info("baseline: %s, after full GC: %s", before, beforeGc);
            Map<String, long[]> histBefore = histogramTop > 0 ? classHistogram(pid, jcmd) : Map.of();

            List<String> tokens = new ArrayList<>(nSockets);
            for (int s = 0; s < nSockets; s++) {
                tokens.add(users.get(s % users.size()).token());
            }
            long t = System.nanoTime();
            WebSocket[] sockets = socks.connectAll(tokens, concurrency, count,
                    (d, n) -> Log.info("  %d / %d handshakes done, %d open", d, n, socks.openNow.get()));
            double connectSeconds = (System.nanoTime() - t) / 1e9;
            int opened = 0;
            for (WebSocket ws : sockets) {
                if (ws != null) {
                    opened++;
                }
            }
            Log.info("%d of %d %s sockets open in %.1f s (failures: %s); settling %d s", opened, nSockets, transport.label(), connectSeconds, socks.connectFailures, settle);
            Thread.sleep(settle * 1000L);
            Sample after = sample(pid, jcmd, false);
            Sample afterGc = sample(pid, jcmd, true);
            Log.info("with %d sockets: %s, after full GC: %s", opened, after, afterGc);
            if (histogramTop > 0) {
                printHistogramGrowth(histBefore, classHistogram(pid, jcmd), histogramTop, opened);
            }
            Log.info("holding %d s more", hold);
            Thread.sleep(hold * 1000L);
            Sample held = sample(pid, jcmd, false);
            int stillOpen = socks.openNow.get();
            Log.info("after holding: %s; %d sockets still open", held, stillOpen);

            socks.closeAll(sockets);
            Thread.sleep(8000);
            Sample closed = sample(pid, jcmd, true);
            Log.info("after closing all and a full GC: %s", closed);

            Map<String, Object> sum = new LinkedHashMap<>();
            sum.put("scenario", "idle");
            sum.put("db", db);
            sum.put("transport", transport.label());
            sum.put("options", a.used);
            sum.put("users", nUsers);
            sum.put("sockets_requested", nSockets);
            sum.put("sockets_opened", opened);
            sum.put("sockets_open_after_hold", stillOpen);
            sum.put("connect_seconds", RateRun.round1(connectSeconds));
            sum.put("connect_failures", Main.counts(socks.connectFailures));
            sum.put("frames_received", frames.sum());
            sum.put("before", before.map());
            sum.put("before_full_gc", beforeGc.map());
            sum.put("open", after.map());
            sum.put("open_full_gc", afterGc.map());
            sum.put("open_after_hold", held.map());
            sum.put("closed_full_gc", closed.map());
            sum.put("rss_growth_per_socket_bytes", perSocket(after.rssKb - before.rssKb, opened));
            sum.put("rss_growth_per_socket_bytes_full_gc", perSocket(afterGc.rssKb - beforeGc.rssKb, opened));
            sum.put("rss_growth_per_socket_bytes_after_hold", perSocket(held.rssKb - before.rssKb, opened));
            sum.put("heap_used_growth_per_socket_bytes_full_gc", perSocket(afterGc.heapUsedKb - beforeGc.heapUsedKb, opened));
            sum.put("socket_closes_not_asked_for", Main.counts(socks.closes));
            System.out.println("SUMMARY " + Main.json(sum));
        }
        return 0;
    }

    /** jcmd GC.class_histogram (which itself runs a full GC): class name -> {instances, bytes}. */
    private static Map<String, long[]> classHistogram(long pid, String jcmd) throws Exception {
        Map<String, long[]> out = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$");
        for (String line : exec(jcmd, Long.toString(pid), "GC.class_histogram").split("\n")) {
            Matcher m = row.matcher(line);
            if (m.matches()) {
                out.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                        (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
            }
        }
        return out;
    }

    private static void printHistogramGrowth(Map<String, long[]> before, Map<String, long[]> after, int top, int sockets) {
        List<Map.Entry<String, long[]>> growth = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            total += d[1];
            growth.add(Map.entry(e.getKey(), d));
        }
        growth.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.printf("HEAP_GROWTH live heap growth by class (jcmd GC.class_histogram, after full GC): total %d bytes = %d bytes per socket%n",
                total, sockets == 0 ? 0 : total / sockets);
        for (int i = 0; i < Math.min(top, growth.size()); i++) {
            long[] d = growth.get(i).getValue();
            System.out.printf("HEAP_GROWTH %10d bytes %8d instances %7.2f per socket %7d bytes per socket  %s%n", d[1], d[0],
                    sockets == 0 ? 0.0 : d[0] / (double) sockets, sockets == 0 ? 0 : d[1] / sockets, growth.get(i).getKey());
        }
    }

    private static long perSocket(long kib, int sockets) {
        return sockets == 0 ? 0 : Math.round(kib * 1024.0 / sockets);
    }

    private static long fdLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    return Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // unknown
        }
        return -1;
    }

    private static final Pattern HEAP = Pattern.compile("committed (\\d+)K, used (\\d+)K");

    /** VmRSS and thread count from /proc; with {@code fullGc}, runs jcmd GC.run first, waits 3 s, and reads GC.heap_info. */
    static Sample sample(long pid, String jcmd, boolean fullGc) throws Exception {
        long heapUsed = -1;
        long heapCommitted = -1;
        if (fullGc) {
            exec(jcmd, Long.toString(pid), "GC.run");
            Thread.sleep(3000);
            Matcher m = HEAP.matcher(exec(jcmd, Long.toString(pid), "GC.heap_info"));
            if (m.find()) {
                heapCommitted = Long.parseLong(m.group(1));
                heapUsed = Long.parseLong(m.group(2));
            }
        }
        long rss = -1;
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D+", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return new Sample(rss, threads, heapUsed, heapCommitted);
    }

    private static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish");
        }
        return out;
    }
}
