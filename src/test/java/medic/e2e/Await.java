package medic.e2e;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Polls a condition until it yields a value, failing with what was awaited and the context supplied. */
final class Await {
    /** A check that may throw; empty means "not yet". */
    interface Probe<T> {
        Optional<T> poll() throws Exception;
    }

    private Await() {
    }

    static <T> T until(String what, Duration timeout, Probe<T> probe, Supplier<String> context) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<T> value = probe.poll();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (java.io.IOException e) {
                last = e; // a program not answering this instant; try again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what
                + (last == null ? "" : " (last error: " + last + ")") + "\n" + context.get());
    }

    static void until(String what, Duration timeout, java.util.concurrent.Callable<Boolean> check,
            Supplier<String> context) throws Exception {
        until(what, timeout, () -> check.call() ? Optional.of(true) : Optional.empty(), context);
    }
}
