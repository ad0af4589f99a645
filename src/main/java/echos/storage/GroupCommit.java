package echos.storage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Group commit: units of write work sent from many threads at once share one transaction, so one commit (one fsync
 * on SQLite's durable setting, one WAL flush on PostgreSQL) stores all of them. One writer thread takes every unit
 * waiting when it gets to them (at most {@code maxBatch}), runs them in one transaction in the order of their lock key
 * (so two nodes' batches lock PostgreSQL rows in the same order and cannot deadlock) and only after the commit answers
 * each caller. When a unit fails the batch rolls back and each unit runs again in its own transaction, so a bad unit
 * fails only itself and the others still commit. The writer thread runs only while there is work.
 */
public final class GroupCommit {

    private static final long IDLE_MILLIS = 2_000;

    private record Pending<T>(String lockKey, Jdbc.Work<T> work, CompletableFuture<T> result) {
        void completeWith(Object value) {
            @SuppressWarnings("unchecked")
            T typed = (T) value;
            result.complete(typed);
        }
    }

    private final Jdbc jdbc;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final LongAdder commits = new LongAdder();

    public GroupCommit(Jdbc jdbc, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
        }
        this.jdbc = jdbc;
        this.maxBatch = maxBatch;
    }

    /**
     * Runs the work in a transaction shared with the other units waiting now and returns once that transaction has
     * committed. The work may run twice (alone after a failed batch), so it must only touch the database. Called
     * inside a transaction of its own thread, it joins that one instead (a second connection would wait for it).
     */
    public <T> T run(String lockKey, Jdbc.Work<T> work) throws SQLException {
        if (jdbc.inTransactionNow()) {
            return work.run();
        }
        Pending<T> pending = new Pending<>(lockKey, work, new CompletableFuture<>());
        queue.add(pending);
        startWriterIfIdle();
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new StorageException("group commit failed", cause);
        }
    }

    /** Transactions committed since start, for tests and diagnostics: fewer than units run when batching works. */
    public long commits() {
        return commits.sum();
    }

    /** Units queued and not yet taken by the writer. */
    int waiting() {
        return queue.size();
    }

    private void startWriterIfIdle() {
        if (writing.compareAndSet(false, true)) {
            Thread writer = new Thread(this::write, "echos-group-commit");
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void write() {
        while (true) {
            Pending<?> first;
            try {
                first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                writing.set(false);
                // a unit queued after the poll gave up but before the flag was cleared would wait forever otherwise
                if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            List<Pending<?>> batch = new ArrayList<>();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            batch.sort(Comparator.comparing(Pending::lockKey)); // stable: one key's units keep their order
            commit(batch);
        }
    }

    private void commit(List<Pending<?>> batch) {
        if (batch.size() == 1) {
            commitAlone(batch.get(0));
            return;
        }
        List<Object> results;
        try {
            results = jdbc.inTransaction(() -> {
                List<Object> values = new ArrayList<>(batch.size());
                for (Pending<?> pending : batch) {
                    values.add(pending.work().run());
                }
                return values;
            });
        } catch (Throwable batchFailed) {
            batch.forEach(this::commitAlone);
            return;
        }
        commits.increment();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).completeWith(results.get(i));
        }
    }

    private void commitAlone(Pending<?> pending) {
        try {
            Object value = jdbc.inTransaction(pending.work());
            commits.increment();
            pending.completeWith(value);
        } catch (Throwable failed) {
            pending.result().completeExceptionally(failed);
        }
    }
}
