package medic.nginx.log;

import java.time.LocalDateTime;

/**
 * A run of consecutive minutes whose upstream failures reached the burst threshold. {@code end} is exclusive
 * (the minute after the last one); {@code dominant} is the most frequent failure class inside the run.
 */
public record Burst(LocalDateTime start, LocalDateTime end, long failures, long peakPerMinute,
                    FailureClass dominant, long threshold) {
}
