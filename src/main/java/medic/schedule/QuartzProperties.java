package medic.schedule;

import java.util.Properties;
import medic.store.Vendor;

/** The Quartz configuration for a JDBC job store on medic's own connection pool. */
final class QuartzProperties {

    /** Instance id of a non-clustered scheduler: fixed, so a restart finds the jobs its predecessor was running. */
    static final String SINGLE_INSTANCE_ID = "single";

    private QuartzProperties() {
    }

    static Properties of(SchedulerSettings settings, Vendor vendor, String dataSourceName) {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", settings.name());
        properties.setProperty("org.quartz.scheduler.instanceId", settings.clustered() ? "AUTO" : SINGLE_INSTANCE_ID);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(settings.pollInterval().toMillis()));
        properties.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        properties.setProperty("org.quartz.threadPool.threadCount", Integer.toString(settings.threadCount()));
        properties.setProperty("org.quartz.threadPool.threadNamePrefix", settings.name() + "-job");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(vendor));
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // Strings only in job data: nothing Java-serialized lands in the database.
        properties.setProperty("org.quartz.jobStore.useProperties", "true");
        properties.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(settings.clustered()));
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(settings.clusterCheckinInterval().toMillis()));
        return properties;
    }

    private static String delegate(Vendor vendor) {
        return switch (vendor) {
            case H2 -> "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
            case POSTGRESQL -> "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate";
        };
    }
}
