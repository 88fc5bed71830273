package medic.nginx.harden;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import medic.MedicException;

/**
 * The threads the hardener hands work to (the second half of the planning, the parse check), kept for a while
 * between proposals: starting a thread per task costs more than a small task. Daemon threads, made on demand.
 */
final class Helper {
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "medic-harden-helper");
                thread.setDaemon(true);
                return thread;
            });

    private Helper() {
    }

    static Future<?> submit(Runnable task) {
        return THREADS.submit(task);
    }

    /** Waits for {@code task}; its unchecked exception is thrown here as it was thrown there. */
    static void await(Future<?> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new MedicException("hardener helper failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
