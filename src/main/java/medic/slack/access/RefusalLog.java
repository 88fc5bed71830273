package medic.slack.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where refused requests are recorded (the audit log; by default the application log). */
@FunctionalInterface
public interface RefusalLog {

    void refused(Refusal refusal);

    /** Writes each refusal as one log line. */
    static RefusalLog logging() {
        Logger log = LoggerFactory.getLogger(RefusalLog.class);
        return refusal -> log.info("refused {} by {} in {}: {}", refusal.request(), refusal.userId(),
                refusal.channelId(), refusal.reason());
    }
}
