package medic.e2e;

/**
 * Every count of upstream resets the test can read, per kind: nginx's 104 lines per backend, the resets each backend
 * made, and mtail's counter. Equal counts taken before and after a window mean no reset of either kind in it.
 */
record ResetCounts(long webSocketLines, long keepAliveRaceLines, int webSocketBackendResets, int apiBackendResets,
                   double mtailResets) {

    static ResetCounts now(HealingRig rig, MonitoringStack monitoring) throws Exception {
        return new ResetCounts(rig.resetLines(rig.backend.port()), rig.resetLines(rig.api.port()),
                rig.backend.resets(), rig.api.resets(), monitoring.mtailResets());
    }
}
