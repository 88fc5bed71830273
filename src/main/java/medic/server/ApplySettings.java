package medic.server;

import java.time.Duration;

/**
 * How medic applies approved changes: the circuit breaker (applies per host and fleet-wide in any hour), when the
 * error log is read again after an apply, and whether diagnoses measure the backends' idle timeouts.
 */
public record ApplySettings(int perHostPerHour, int fleetPerHour, Duration recheckDelay, boolean probeBackendIdle) {
}
