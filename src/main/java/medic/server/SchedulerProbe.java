package medic.server;

import java.util.Optional;
import org.quartz.SchedulerException;
import org.quartz.impl.SchedulerRepository;

/** Whether medic's Quartz scheduler is running, for {@code /readyz} (medic.schedule.Scheduler has no status query). */
final class SchedulerProbe implements ReadinessCheck {
    private final String name;

    SchedulerProbe(String name) {
        this.name = name;
    }

    @Override
    public Optional<String> problem() {
        org.quartz.Scheduler quartz = SchedulerRepository.getInstance().lookup(name);
        try {
            if (quartz == null || quartz.isShutdown()) {
                return Optional.of("the scheduler is shut down");
            }
            return quartz.isStarted() && !quartz.isInStandbyMode() ? Optional.empty()
                    : Optional.of("the scheduler is not started");
        } catch (SchedulerException e) {
            return Optional.of("cannot ask the scheduler: " + e.getMessage());
        }
    }
}
