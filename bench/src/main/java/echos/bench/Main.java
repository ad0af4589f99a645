package echos.bench;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Echos load generator. {@code java -cp 'bench/target/echos-bench.jar:bench/target/lib/*' echos.bench.Main <scenario> [--option value]...}
 * Scenarios: latency, throughput, fanout, idle. Each prints human lines, then machine-readable {@code SUMMARY {json}} lines.
 * It expects a running server (bench/run.sh starts one) with the send and signup limits raised.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0) {
            System.err.println("usage: Main <latency|throughput|fanout|idle> [--port 5090] [--option value]...  (see docs/performance.md)");
            System.exit(2);
        }
        Log.info("echos-bench %s on Java %s (%s), args: %s", argv[0], System.getProperty("java.version"), System.getProperty("java.home"),
                String.join(" ", argv));
        Args args = new Args(argv, 1);
        int code = switch (argv[0]) {
            case "latency" -> stepped(argv[0], args);
            case "throughput" -> stepped(argv[0], args);
            case "fanout" -> stepped(argv[0], args);
            case "idle" -> Idle.run(args);
            default -> {
                System.err.println("unknown scenario " + argv[0]);
                yield 2;
            }
        };
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            System.out.printf("CLIENT_CPU_SECONDS %.1f%n", os.getProcessCpuTime() / 1e9);
        }
        System.exit(code);
    }

    static String tag() {
        return Long.toString(System.currentTimeMillis(), 36);
    }

    /**
     * latency: one open-loop step at --rate after a warm-up, over --pairs direct conversations.
     * throughput: rising open-loop steps (--rates) over direct conversations until a step is not sustained.
     * fanout: rising open-loop steps over one group of --members (each with one socket), sent by --senders of them.
     * All three over --transport ws (default, /ws) or socketio (/socket.io/ over a WebSocket; see {@link Socks}).
     */
    static int stepped(String scenario, Args a) throws Exception {
        String host = a.str("host", "127.0.0.1");
        int port = a.integer("port", 5090);
        String db = a.str("db", "?");
        Socks.Transport transport = Socks.Transport.of(a.str("transport", "ws"));
        String sendOver = a.str("send-over", "socket");
        if (!sendOver.equals("socket") && !sendOver.equals("http")) {
            throw new IllegalArgumentException("--send-over must be socket or http, got " + sendOver);
        }
        int httpConnections = a.integer("http-connections", 100);
        String tag = a.str("tag", tag());
        int signupConcurrency = a.integer("signup-concurrency", 4);
        int eventLoops = a.integer("event-loops", 2);
        int textBytes = a.integer("text-bytes", 100);
        int lateMs = a.integer("late-ms", 1000);
        int warmup = a.integer("warmup", 10);
        int drain = a.integer("drain", 15);
        boolean group = scenario.equals("fanout");
        int pairs = group ? 0 : a.integer("pairs", 50);
        int members = group ? a.integer("members", 100) : 0;
        int senderCount = group ? a.integer("senders", 5) : pairs;
        List<Integer> rates;
        int stepSeconds;
        int gapSeconds;
        double maxP99 = Double.MAX_VALUE;
        double minRatio = 0;
        boolean stopOnFail;
        if (scenario.equals("latency")) {
            rates = List.of(a.integer("rate", 1000));
            stepSeconds = a.integer("duration", 60);
            gapSeconds = 0;
            stopOnFail = false;
        } else {
            rates = a.ints("rates", group ? "10,20,50,100,150,200" : "500,1000,1500,2000,2500,3000,3500,4000,5000,6000");
            stepSeconds = a.integer("step-seconds", group ? 15 : 10);
            gapSeconds = a.integer("gap-seconds", 3);
            maxP99 = a.dbl("max-p99-ms", 250);
            minRatio = a.dbl("min-ratio", 0.95);
            stopOnFail = true;
        }
        a.checkAllUsed();

        Api api = new Api(host, port);
        List<Api.User> users = api.signup(tag, group ? members : 2 * pairs, signupConcurrency);
        List<String> conversations = new ArrayList<>();
        List<Api.User> socketUsers = new ArrayList<>();
        if (group) {
            conversations.add(api.group(users.get(0), "bench " + tag, users.subList(1, users.size())));
            socketUsers.addAll(users);
        } else {
            for (int k = 0; k < pairs; k++) {
                conversations.add(api.direct(users.get(2 * k), users.get(2 * k + 1)));
            }
            for (int k = 0; k < pairs; k++) {
                socketUsers.add(users.get(2 * k)); // sender socket k
            }
            for (int k = 0; k < pairs; k++) {
                socketUsers.add(users.get(2 * k + 1)); // receiver socket pairs + k
            }
        }
        List<String> tokens = socketUsers.stream().map(Api.User::token).toList();
        int expected = group ? members - 1 : 1;

        List<RateRun.Phase> phases = new ArrayList<>();
        phases.add(new RateRun.Phase("warmup", rates.get(0), warmup, false));
        if (gapSeconds > 0) {
            phases.add(new RateRun.Phase("gap", 0, gapSeconds, false));
        }
        for (int r : rates) {
            phases.add(new RateRun.Phase(scenario.equals("latency") ? "measure" : "step-" + r, r, stepSeconds, true));
            if (gapSeconds > 0) {
                phases.add(new RateRun.Phase("gap", 0, gapSeconds, false));
            }
        }

        try (Socks socks = new Socks(host, port, eventLoops, transport)) {
            RateRun[] holder = new RateRun[1];
            Socks.Handler handler = (i, t) -> {
                RateRun r = holder[0];
                if (r != null) {
                    r.onText(i, t);
                }
            };
            WebSocket[] sockets = socks.connectAll(tokens, 50, handler, null);
            for (WebSocket ws : sockets) {
                if (ws == null) {
                    Log.info("could not connect every socket: %s", socks.connectFailures);
                    return 1;
                }
            }
            Log.info("%d %s sockets open (%s), %d conversation(s), %d sender socket(s), %d deliveries expected per message",
                    sockets.length, transport.label(), group ? members + " group members" : pairs + " senders + " + pairs + " receivers",
                    conversations.size(), senderCount, expected);
            RateRun.Sender[] senders = new RateRun.Sender[senderCount];
            for (int k = 0; k < senderCount; k++) {
                senders[k] = new RateRun.Sender(sockets[k], group ? conversations.get(0) : conversations.get(k), socketUsers.get(k).id(),
                        socketUsers.get(k).token());
            }
            Thread.sleep(2000); // let the presence frames of the connects pass
            HttpSends http = sendOver.equals("http") ? new HttpSends(socks.vertx, host, port, httpConnections) : null;
            RateRun run = new RateRun(phases, socks, senders, expected, textBytes, lateMs, http,
                    socketUsers.stream().map(Api.User::id).toArray(String[]::new));
            holder[0] = run;
            List<Map<String, Object>> steps = new ArrayList<>();
            int[] sustained = {0};
            int[] failures = {0};
            final double p99Limit = maxP99;
            final double ratio = minRatio;
            Log.info("running: %s", describe(phases));
            run.run(p -> {
                RateRun.Phase ph = run.phases.get(p);
                RateRun.Phase step = ph.step ? (gapSeconds == 0 ? ph : null) : (p > 0 && run.phases.get(p - 1).step ? run.phases.get(p - 1) : null);
                if (step == null) {
                    if (!ph.step) {
                        Log.info("phase %s done: sent %d, acked %d, delivered %d", ph.name, ph.sent.sum(), ph.acked.sum(), ph.delivered.sum());
                    }
                    return true;
                }
                Map<String, Object> s = run.summary(step);
                boolean pass = judge(s, step, ratio, p99Limit, expected);
                s.put("sustained", pass);
                steps.add(s);
                Log.info("step %-10s offered %6.0f/s: acks %8.1f/s, deliveries %9.1f/s, ack p50/p99/max %s/%s/%s ms, delivery p50/p99/max %s/%s/%s ms, unacked-at-check %d, errors %d -> %s",
                        step.name, step.rate, s.get("acks_per_s_in_window"), s.get("deliveries_per_s_in_window"), s.get("ack_p50_ms"), s.get("ack_p99_ms"),
                        s.get("ack_max_ms"), s.get("delivery_p50_ms"), s.get("delivery_p99_ms"), s.get("delivery_max_ms"),
                        step.sent.sum() - step.acked.sum(), step.errors.sum(), stopOnFail ? (pass ? "sustained" : "NOT sustained") : "");
                if (pass) {
                    sustained[0] = Math.max(sustained[0], (int) step.rate);
                    failures[0] = 0;
                    return true;
                }
                failures[0]++;
                return !stopOnFail;
            });
            Log.info("sending stopped; draining up to %d s", drain);
            run.drain(drain);
            // final figures after the drain (late acks/deliveries included)
            List<Map<String, Object>> finalSteps = new ArrayList<>();
            for (int p = 0; p < run.phasesRun; p++) {
                RateRun.Phase ph = run.phases.get(p);
                if (ph.step) {
                    Map<String, Object> s = run.summary(ph);
                    Object judged = steps.stream().filter(x -> x.get("phase").equals(ph.name)).map(x -> x.get("sustained")).findFirst().orElse(null);
                    s.put("sustained", judged);
                    finalSteps.add(s);
                    System.out.println("SUMMARY_STEP " + json(s));
                }
            }
            long sentAll = 0;
            long ackedAll = 0;
            long deliveredAll = 0;
            long dupAll = 0;
            long errorsAll = 0;
            for (int p = 0; p < run.phasesRun; p++) {
                RateRun.Phase ph = run.phases.get(p);
                sentAll += ph.sent.sum();
                ackedAll += ph.acked.sum();
                deliveredAll += ph.delivered.sum();
                dupAll += ph.dupAcks.sum() + ph.dupDeliveries.sum();
                errorsAll += ph.errors.sum() + ph.sendFailures.sum();
            }
            boolean exactlyOnce = ackedAll == sentAll && deliveredAll == sentAll * expected && dupAll == 0 && errorsAll == 0;
            Log.info("transport %s: %d messages sent (warm-up included), %d acked, %d of %d deliveries, %d duplicates, %d errors/send failures"
                    + " -> %s", transport.label(), sentAll, ackedAll, deliveredAll, sentAll * expected, dupAll, errorsAll,
                    exactlyOnce ? "every message acked and delivered exactly once" : "NOT every message acked and delivered exactly once");
            RateRun.Phase last = run.phases.get(run.phasesRun - 1);
            int seconds = (int) ((last.endNanos - run.runStart) / 1_000_000_000L) + drain;
            System.out.println("TIMELINE acks_per_s (from run start, 1 s buckets): " + run.timeline(run.acksPerSecond, seconds));
            System.out.println("TIMELINE deliveries_per_s: " + run.timeline(run.deliveriesPerSecond, seconds));
            Map<String, Object> sum = new LinkedHashMap<>();
            sum.put("scenario", scenario);
            sum.put("db", db);
            sum.put("transport", transport.label());
            sum.put("send_over", sendOver);
            sum.put("options", a.used);
            sum.put("sockets", sockets.length);
            sum.put("sender_sockets", senderCount);
            sum.put("deliveries_per_message", expected);
            if (!scenario.equals("latency")) {
                sum.put("max_sustained_offered_rate", sustained[0]);
                sum.put("rule", "a step is sustained when acks/s in its window >= " + minRatio + " x offered, p99 send->ack and send->receive <= "
                        + maxP99 + " ms, and every message of the step is acked and delivered by the end of the " + gapSeconds
                        + " s gap after it, with no error frame");
            }
            sum.put("error_codes", counts(run.errorCodes));
            sum.put("other_frames", counts(run.otherFrames));
            sum.put("socket_closes_not_asked_for", counts(socks.closes));
            sum.put("sockets_open_at_end", socks.openNow.get());
            sum.put("all_acked_and_delivered_exactly_once", exactlyOnce);
            if (scenario.equals("latency")) {
                sum.putAll(finalSteps.isEmpty() ? Map.of() : finalSteps.get(0));
                sum.put("warmup", run.summary(run.phases.get(0)));
            } else {
                sum.put("steps", finalSteps);
            }
            System.out.println("SUMMARY " + json(sum));
            socks.closeAll(sockets);
        }
        return 0;
    }

    private static boolean judge(Map<String, Object> s, RateRun.Phase step, double minRatio, double maxP99, int expected) {
        double acksPerSecond = (double) s.get("acks_per_s_in_window");
        return acksPerSecond >= minRatio * step.rate
                && le((double) s.get("ack_p99_ms"), maxP99)
                && le((double) s.get("delivery_p99_ms"), maxP99)
                && step.acked.sum() == step.sent.sum()
                && step.delivered.sum() == step.sent.sum() * expected
                && step.errors.sum() == 0 && step.sendFailures.sum() == 0;
    }

    private static boolean le(double v, double limit) {
        return !Double.isNaN(v) && v <= limit;
    }

    private static String describe(List<RateRun.Phase> phases) {
        StringBuilder sb = new StringBuilder();
        for (RateRun.Phase p : phases) {
            sb.append(sb.length() == 0 ? "" : ", ").append(p.name).append(' ').append(p.seconds).append("s@").append((long) p.rate).append("/s");
        }
        return sb.toString();
    }

    static Map<String, Long> counts(Map<String, LongAdder> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** JSON with NaN written as null. */
    @SuppressWarnings("unchecked")
    static String json(Map<String, Object> m) {
        return new JsonObject(clean(m)).encode();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> clean(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, cleanValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object cleanValue(Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (v instanceof Map<?, ?> mm) {
            return clean((Map<String, Object>) mm);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(cleanValue(x)));
            return out;
        }
        return v;
    }
}
