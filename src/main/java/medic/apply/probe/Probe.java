package medic.apply.probe;

/** One check that a reloaded nginx does what the change promised; run after every reload. */
@FunctionalInterface
public interface Probe {

    ProbeResult run();
}
