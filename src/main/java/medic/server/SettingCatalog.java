package medic.server;

import static medic.server.SettingKind.BOOLEAN;
import static medic.server.SettingKind.DURATION;
import static medic.server.SettingKind.LIST;
import static medic.server.SettingKind.TEXT;
import static medic.server.SettingKind.WHOLE_NUMBER;

import java.util.List;
import java.util.Optional;
import medic.store.DatabaseSettings;

/** Every setting of {@code medic serve}, in the order the documentation lists them. */
public final class SettingCatalog {
    /** The environment variable naming the settings file when {@code --config} is not given. */
    public static final String CONFIG_ENV = "MEDIC_CONFIG";

    public static final List<Setting> ALL = List.of(
            plain("server.bind", "MEDIC_BIND", TEXT, "0.0.0.0", "address the HTTP server listens on"),
            plain("server.port", "MEDIC_PORT", WHOLE_NUMBER, "8080", "HTTP port (0: any free port)"),
            plain("server.max_body_bytes", "MEDIC_MAX_BODY_BYTES", WHOLE_NUMBER, "1048576",
                    "largest request body any route accepts (413 beyond)"),
            plain("server.shutdown_timeout", "MEDIC_SHUTDOWN_TIMEOUT", DURATION, "20s",
                    "how long a stop (SIGTERM) waits for requests and jobs in flight"),
            plain("database.url", "MEDIC_DB_URL", TEXT, DatabaseSettings.DEFAULT_URL,
                    "JDBC URL: the embedded H2 file (one process) or jdbc:postgresql://..."),
            plain("database.user", "MEDIC_DB_USER", TEXT, "medic", "database user"),
            secret("database.password", "MEDIC_DB_PASSWORD", "database password"),
            plain("database.pool_size", "MEDIC_DB_POOL_SIZE", WHOLE_NUMBER,
                    String.valueOf(DatabaseSettings.DEFAULT_POOL_SIZE),
                    "database connections; at least scheduler.threads + 3"),
            plain("inventory", "MEDIC_INVENTORY", TEXT, "inventory.yaml", "inventory file (hosts, SSH, alert labels)"),
            plain("runbooks", "MEDIC_RUNBOOKS", TEXT, "runbooks", "directory of runbook YAML files"),
            secret("webhook.token", "MEDIC_WEBHOOK_TOKEN",
                    "bearer token Alertmanager sends (http_config.authorization); at least 16 characters"),
            plain("webhook.user", "MEDIC_WEBHOOK_USER", TEXT, null, "basic-auth user Alertmanager sends (http_config.basic_auth)"),
            secret("webhook.password", "MEDIC_WEBHOOK_PASSWORD", "basic-auth password for webhook.user"),
            plain("webhook.max_bytes", "MEDIC_WEBHOOK_MAX_BYTES", WHOLE_NUMBER, "262144",
                    "largest Alertmanager payload accepted (413 beyond); at most server.max_body_bytes"),
            plain("slack.channel", "MEDIC_CHANNEL", TEXT, null, "channel ID (C...) incidents are posted to"),
            secret("slack.bot_token", "SLACK_BOT_TOKEN", "bot token (xoxb-...); unset: Slack is off"),
            secret("slack.signing_secret", "SLACK_SIGNING_SECRET",
                    "signing secret verifying POST /slack/events (required unless Socket Mode)"),
            secret("slack.app_token", "SLACK_APP_TOKEN", "app-level token (xapp-...): Socket Mode instead of HTTP when set"),
            plain("slack.api_url", "SLACK_API_URL", TEXT, "https://slack.com/api/",
                    "Slack Web API base URL (proxies, tests)"),
            plain("scheduler.threads", "MEDIC_SCHEDULER_THREADS", WHOLE_NUMBER, "4", "jobs (runbook runs, log polls) run at once"),
            plain("scheduler.clustered", "MEDIC_SCHEDULER_CLUSTERED", BOOLEAN, "false",
                    "several medic replicas share one PostgreSQL database"),
            plain("watch.enabled", "MEDIC_WATCH_ENABLED", BOOLEAN, "true",
                    "follow every inventory host's error logs and count upstream failures"),
            plain("watch.interval", "MEDIC_WATCH_INTERVAL", DURATION, "15s", "how often each host's logs are polled"),
            plain("watch.window", "MEDIC_WATCH_WINDOW", DURATION, "5m", "window the threshold counts failures in"),
            plain("watch.threshold", "MEDIC_WATCH_THRESHOLD", WHOLE_NUMBER, "20",
                    "upstream failures on one host within the window that open an incident"),
            plain("watch.cooldown", "MEDIC_WATCH_COOLDOWN", DURATION, "30m", "least time between two incidents the watcher opens on one host"),
            plain("watch.runbook", "MEDIC_WATCH_RUNBOOK", TEXT, "nginx-upstream-reset", "runbook an incident the watcher opens runs"),
            plain("access.diagnose.channels", "MEDIC_DIAGNOSE_CHANNELS", LIST, "",
                    "channel IDs where /medic diagnose may be used (empty: slack.channel only)"),
            plain("access.diagnose.users", "MEDIC_DIAGNOSE_USERS", LIST, "", "user IDs (U.../W...) who may diagnose (users and groups both empty: anyone in those channels)"),
            plain("access.diagnose.groups", "MEDIC_DIAGNOSE_GROUPS", LIST, "", "user group IDs (S...) whose members may diagnose"),
            plain("access.approve.users", "MEDIC_APPROVE_USERS", LIST, "", "user IDs who may approve a change (empty, with no groups: nobody)"),
            plain("access.approve.groups", "MEDIC_APPROVE_GROUPS", LIST, "", "user group IDs whose members may approve"),
            plain("access.four_eyes", "MEDIC_FOUR_EYES", BOOLEAN, "true",
                    "whoever asked for a diagnosis may not approve its change"),
            plain("access.approval_ttl", "MEDIC_APPROVAL_TTL", DURATION, "30m", "how long Approve buttons stay valid"),
            plain("apply.per_host_per_hour", "MEDIC_APPLY_PER_HOST_PER_HOUR", WHOLE_NUMBER, "3",
                    "applies allowed on one host in any hour (circuit breaker)"),
            plain("apply.fleet_per_hour", "MEDIC_APPLY_FLEET_PER_HOUR", WHOLE_NUMBER, "20",
                    "applies allowed on all hosts together in any hour (circuit breaker)"),
            plain("apply.recheck_delay", "MEDIC_APPLY_RECHECK_DELAY", DURATION, "10m",
                    "when the error log is read again after an apply, to resolve or keep the incident"),
            plain("apply.probe_backend_idle", "MEDIC_PROBE_BACKEND_IDLE", BOOLEAN, "false",
                    "diagnoses measure each upstream server's idle timeout through the nginx host (up to 2 min)"),
            secret("console.token", "MEDIC_CONSOLE_TOKEN",
                    "login token of the local console at /console (at least 24 characters); unset: no console"),
            plain("console.user", "MEDIC_CONSOLE_USER", TEXT, null,
                    "Slack user ID (U...) the console's clicks act as; it needs the same permissions as in Slack"),
            plain("alerts.host_labels", "MEDIC_ALERT_HOST_LABELS", LIST, "host,instance",
                    "alert labels naming the host, first present wins (inventory alert_labels match too)"),
            plain("alerts.upstream_labels", "MEDIC_ALERT_UPSTREAM_LABELS", LIST, "upstream",
                    "alert labels naming the nginx upstream"));

    private SettingCatalog() {
    }

    public static Optional<Setting> byPath(String path) {
        return ALL.stream().filter(setting -> setting.path().equals(path)).findFirst();
    }

    static Setting require(String path) {
        return byPath(path).orElseThrow(() -> new IllegalArgumentException("no setting " + path));
    }

    private static Setting plain(String path, String env, SettingKind kind, String defaultValue, String meaning) {
        return new Setting(path, env, kind, defaultValue, false, meaning);
    }

    private static Setting secret(String path, String env, String meaning) {
        return new Setting(path, env, TEXT, null, true, meaning);
    }
}
