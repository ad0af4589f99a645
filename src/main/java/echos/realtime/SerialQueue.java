package echos.realtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs one connection's tasks one after another on a shared worker pool, in the order they came: frame handling
 * blocks (it reads and writes the store), and one connection's frames must be handled in order. A Socket.IO polling
 * client's requests arrive on whatever event loop their TCP connection has, so per-context ordering would not hold.
 */
public final class SerialQueue {

    private static final Logger LOG = Logger.getLogger(SerialQueue.class);

    private final Executor executor;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    public SerialQueue(Executor executor) {
        this.executor = executor;
    }

    public void run(Runnable task) {
        tasks.add(task);
        schedule();
    }

    private void schedule() {
        if (running.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.errorf(e, "event=socket_task_failed");
                }
            }
        } finally {
            running.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
