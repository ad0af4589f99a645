package echos.bench;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Open-loop sender and receiver bookkeeping. Message {@code i} is due at a fixed time given by the phase's rate; it is
 * sent then (or at once, if the sender thread is behind) and carries its due time in its text. Latencies are measured
 * from the due time, not from the actual write, so a stalled server or client cannot hide its stall (no coordinated
 * omission). Message {@code i} goes out on sender socket {@code i % senders}.
 */
final class RateRun implements Socks.Handler {

    /** Sends on {@code ws}, or over HTTP as {@code userId} with {@code token} when the run has {@link HttpSends}. */
    record Sender(WebSocket ws, String conversationId, String userId, String token) {
    }

    static final class Phase {
        final String name;
        final double rate;
        final int seconds;
        final boolean step;
        long startNanos;
        long endNanos;
        long firstIndex;
        long endIndex;
        long backlogAtEnd;
        final LongAdder sent = new LongAdder();
        final LongAdder sendFailures = new LongAdder();
        final LongAdder acked = new LongAdder();
        final LongAdder delivered = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder dupAcks = new LongAdder();
        final LongAdder dupDeliveries = new LongAdder();
        final LongAdder late = new LongAdder();
        final Histogram ackHist = new ConcurrentHistogram(3_600_000_000L, 3);
        final Histogram deliveryHist = new ConcurrentHistogram(3_600_000_000L, 3);
        long unacked;
        long missingDeliveries;

        Phase(String name, double rate, int seconds, boolean step) {
            this.name = name;
            this.rate = rate;
            this.seconds = seconds;
            this.step = step;
        }
    }

    interface AfterPhase {
        /** Called by the sender thread at the end of each phase; false stops the run. */
        boolean proceed(int phaseIndex);
    }

    final List<Phase> phases;
    private final Sender[] senders;
    private final Socks socks;
    /** The phase the sender is in; an error frame without a ref (every one over socketio) is counted there. */
    private volatile int currentPhase;
    final int expectedDeliveries;
    private final long lateNanos;
    private final String padding;
    private final AtomicIntegerArray acks;
    private final AtomicIntegerArray deliveries;
    final long runStart;
    final AtomicLongArray acksPerSecond;
    final AtomicLongArray deliveriesPerSecond;
    final Map<String, LongAdder> errorCodes = new ConcurrentHashMap<>();
    final Map<String, LongAdder> otherFrames = new ConcurrentHashMap<>();
    private final AtomicLong totalSent = new AtomicLong();
    private final LongAdder totalAcked = new LongAdder();
    private final LongAdder totalDelivered = new LongAdder();
    private final LongAdder errorsLogged = new LongAdder();
    int phasesRun;
    /** Non-null with {@code --send-over http}. */
    private final HttpSends http;
    /** The user of each socket: over HTTP the sender's own socket gets its message as message.new too, not a delivery. */
    private final String[] socketUsers;

    RateRun(List<Phase> phases, Socks socks, Sender[] senders, int expectedDeliveries, int textBytes, long lateMillis,
            HttpSends http, String[] socketUsers) {
        this.http = http;
        this.socketUsers = socketUsers;
        this.phases = phases;
        this.socks = socks;
        this.senders = senders;
        this.expectedDeliveries = expectedDeliveries;
        this.lateNanos = lateMillis * 1_000_000L;
        long capacity = 1;
        int seconds = 0;
        for (Phase p : phases) {
            capacity += Math.round(p.rate * p.seconds);
            seconds += p.seconds;
        }
        if (capacity > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many messages");
        }
        this.acks = new AtomicIntegerArray((int) capacity);
        this.deliveries = new AtomicIntegerArray((int) capacity);
        this.acksPerSecond = new AtomicLongArray(seconds + 120 + 21 * phases.size());
        this.deliveriesPerSecond = new AtomicLongArray(seconds + 120 + 21 * phases.size());
        // text = "<index> <phase> <dueNanos> " + padding, about textBytes long
        this.padding = "x".repeat(Math.max(1, textBytes - 32));
        this.runStart = System.nanoTime() + 500_000_000L;
    }

    // ---------------------------------------------------------------- receiving (event-loop threads)

    @Override
    public void onText(int socket, String text) {
        long now = System.nanoTime();
        JsonObject f = new JsonObject(text);
        String type = f.getString("type");
        switch (type) {
            case "message.ack" -> onMessage(f.getJsonObject("data").getJsonObject("message"), now, true);
            case "message.new" -> {
                JsonObject m = f.getJsonObject("data").getJsonObject("message");
                if (http != null && m.getString("senderId", "").equals(socketUsers[socket])) {
                    otherFrames.computeIfAbsent("message.new(own, sent over http)", k -> new LongAdder()).increment();
                } else {
                    onMessage(m, now, false);
                }
            }
            case "error" -> onError(f);
            default -> otherFrames.computeIfAbsent(type, k -> new LongAdder()).increment();
        }
    }

    private void onMessage(JsonObject m, long now, boolean ack) {
        String t = m.getString("text");
        int a = t.indexOf(' ');
        int b = t.indexOf(' ', a + 1);
        int c = t.indexOf(' ', b + 1);
        if (a <= 0 || b <= 0 || c <= 0) {
            otherFrames.computeIfAbsent(ack ? "message.ack(foreign)" : "message.new(foreign)", k -> new LongAdder()).increment();
            return;
        }
        int idx = Integer.parseInt(t, 0, a, 10);
        Phase p = phases.get(Integer.parseInt(t, a + 1, b, 10));
        long due = Long.parseLong(t, b + 1, c, 10);
        long latencyMicros = Math.max(0, (now - due) / 1000);
        int second = (int) Math.min(acksPerSecond.length() - 1, Math.max(0, (now - runStart) / 1_000_000_000L));
        if (ack) {
            if (acks.incrementAndGet(idx) > 1) {
                p.dupAcks.increment();
                return;
            }
            p.acked.increment();
            totalAcked.increment();
            p.ackHist.recordValue(latencyMicros);
            acksPerSecond.incrementAndGet(second);
        } else {
            if (deliveries.incrementAndGet(idx) > expectedDeliveries) {
                p.dupDeliveries.increment();
                return;
            }
            p.delivered.increment();
            totalDelivered.increment();
            p.deliveryHist.recordValue(latencyMicros);
            deliveriesPerSecond.incrementAndGet(second);
            if (now - due > lateNanos) {
                p.late.increment();
            }
        }
    }

    private void onError(JsonObject f) {
        JsonObject d = f.getJsonObject("data");
        String code = d == null ? "?" : d.getString("code");
        errorCodes.computeIfAbsent(code, k -> new LongAdder()).increment();
        String ref = f.getString("ref");
        if (ref != null && ref.indexOf(':') > 0) {
            phases.get(Integer.parseInt(ref.substring(0, ref.indexOf(':')))).errors.increment();
        } else if (ref == null && socks.transport == Socks.Transport.SOCKETIO) {
            phases.get(currentPhase).errors.increment();
        }
        errorsLogged.increment();
        if (errorsLogged.sum() <= 5) {
            Log.info("server error frame: %s", f.encode());
        }
    }

    // ---------------------------------------------------------------- sending (one thread)

    private static void sleepUntil(long due) {
        long d;
        while ((d = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(d);
        }
    }

    /** Runs the phases back to back from {@link #runStart}; returns when the last phase ends (or {@code after} says stop). */
    void run(AfterPhase after) {
        long idx = 0;
        long phaseStart = runStart;
        for (int p = 0; p < phases.size(); p++) {
            Phase ph = phases.get(p);
            currentPhase = p;
            ph.startNanos = phaseStart;
            ph.endNanos = phaseStart + ph.seconds * 1_000_000_000L;
            ph.firstIndex = idx;
            if (ph.rate > 0) {
                long n = Math.round(ph.rate * ph.seconds);
                double gap = 1e9 / ph.rate;
                for (long k = 0; k < n; k++) {
                    long due = phaseStart + (long) (k * gap);
                    sleepUntil(due);
                    send(idx++, p, due, ph);
                }
            }
            ph.endIndex = idx;
            sleepUntil(ph.endNanos);
            ph.backlogAtEnd = totalSent.get() - totalAcked.sum();
            phaseStart = ph.endNanos;
            phasesRun = p + 1;
            if (after != null && !after.proceed(p)) {
                break;
            }
            if (ph.rate == 0 && p + 1 < phases.size()) {
                phaseStart = waitForBacklog(phaseStart);
            }
        }
    }

    /**
     * After a pause (and after the previous step was judged): lets a backlog left by the previous phase drain, up to
     * {@link #MAX_BACKLOG_WAIT_NANOS}, so it does not spill into the next step; the next phase then starts on a whole
     * second of the timeline.
     */
    private long waitForBacklog(long plannedStart) {
        long limit = System.nanoTime() + MAX_BACKLOG_WAIT_NANOS;
        while (System.nanoTime() < limit
                && (totalAcked.sum() < totalSent.get() || totalDelivered.sum() < totalSent.get() * expectedDeliveries)) {
            LockSupport.parkNanos(20_000_000L);
        }
        long now = System.nanoTime();
        if (now <= plannedStart) {
            return plannedStart;
        }
        long second = 1_000_000_000L;
        long waited = (now - runStart + second - 1) / second * second + runStart;
        Log.info("next phase starts %.1f s later than planned (backlog drain, then alignment to a whole second)", (waited - plannedStart) / 1e9);
        return waited;
    }

    static final long MAX_BACKLOG_WAIT_NANOS = 20_000_000_000L;

    private void send(long idx, int p, long due, Phase ph) {
        Sender s = senders[(int) (idx % senders.length)];
        String data = "{\"conversationId\":\"" + s.conversationId() + "\",\"clientId\":\"b" + idx + "\",\"text\":\"" + idx + " " + p
                + " " + due + " " + padding + "\"}";
        ph.sent.increment();
        totalSent.incrementAndGet();
        if (http == null) {
            socks.send(s.ws(), "message.send", p + ":" + idx, data).onFailure(e -> ph.sendFailures.increment());
            return;
        }
        http.post(s.token(), s.conversationId(), data).onComplete(r -> {
            if (r.failed()) {
                ph.sendFailures.increment();
            } else if (r.result().status() == 201 || r.result().status() == 200) {
                onMessage(new JsonObject(r.result().body()).getJsonObject("message"), System.nanoTime(), true);
            } else {
                String code;
                try {
                    code = "http " + r.result().status() + " " + new JsonObject(r.result().body()).getString("code");
                } catch (RuntimeException e) {
                    code = "http " + r.result().status();
                }
                errorCodes.computeIfAbsent(code, k -> new LongAdder()).increment();
                ph.errors.increment();
            }
        });
    }

    /** Waits until every sent message is acked and delivered, or {@code maxSeconds} pass. */
    void drain(int maxSeconds) {
        long until = System.nanoTime() + maxSeconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            if (totalAcked.sum() >= totalSent.get() && totalDelivered.sum() >= totalSent.get() * expectedDeliveries) {
                break;
            }
            LockSupport.parkNanos(50_000_000L);
        }
        countMissing();
    }

    /** Per phase: messages never acked, and deliveries that never came (so far). */
    void countMissing() {
        for (int p = 0; p < phasesRun; p++) {
            Phase ph = phases.get(p);
            long unacked = 0;
            long missing = 0;
            for (long i = ph.firstIndex; i < ph.endIndex; i++) {
                if (acks.get((int) i) == 0) {
                    unacked++;
                }
                missing += Math.max(0, expectedDeliveries - deliveries.get((int) i));
            }
            ph.unacked = unacked;
            ph.missingDeliveries = missing;
        }
    }

    long inWindow(AtomicLongArray perSecond, Phase ph) {
        int from = (int) ((ph.startNanos - runStart) / 1_000_000_000L);
        long sum = 0;
        for (int s = from; s < from + ph.seconds && s < perSecond.length(); s++) {
            sum += perSecond.get(s);
        }
        return sum;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    Map<String, Object> summary(Phase ph) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phase", ph.name);
        m.put("offered_rate", ph.rate);
        m.put("seconds", ph.seconds);
        m.put("starts_at_s", round1((ph.startNanos - runStart) / 1e9));
        m.put("sent", ph.sent.sum());
        m.put("send_failures", ph.sendFailures.sum());
        m.put("acked", ph.acked.sum());
        m.put("acks_per_s_in_window", round1(inWindow(acksPerSecond, ph) / (double) ph.seconds));
        m.put("deliveries", ph.delivered.sum());
        m.put("expected_deliveries", ph.sent.sum() * expectedDeliveries);
        m.put("deliveries_per_s_in_window", round1(inWindow(deliveriesPerSecond, ph) / (double) ph.seconds));
        m.put("unacked", ph.unacked);
        m.put("missing_deliveries", ph.missingDeliveries);
        m.put("duplicate_acks", ph.dupAcks.sum());
        m.put("duplicate_deliveries", ph.dupDeliveries.sum());
        m.put("late_deliveries", ph.late.sum());
        m.put("error_frames", ph.errors.sum());
        m.put("backlog_at_end", ph.backlogAtEnd);
        putLatency(m, "ack", ph.ackHist);
        putLatency(m, "delivery", ph.deliveryHist);
        return m;
    }

    private static void putLatency(Map<String, Object> m, String prefix, Histogram recording) {
        // a late ack or delivery may be recorded while this runs; iterating a ConcurrentHistogram is not safe then
        Histogram h = recording.copy();
        m.put(prefix + "_count", h.getTotalCount());
        m.put(prefix + "_p50_ms", ms(h, 50));
        m.put(prefix + "_p90_ms", ms(h, 90));
        m.put(prefix + "_p99_ms", ms(h, 99));
        m.put(prefix + "_p99_9_ms", ms(h, 99.9));
        m.put(prefix + "_max_ms", h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0);
        m.put(prefix + "_mean_ms", h.getTotalCount() == 0 ? Double.NaN : round3(h.getMean() / 1000.0));
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    String timeline(AtomicLongArray perSecond, int seconds) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < seconds && s < perSecond.length(); s++) {
            sb.append(s == 0 ? "" : " ").append(perSecond.get(s));
        }
        return sb.toString();
    }
}
