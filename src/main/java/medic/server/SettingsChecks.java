package medic.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.MedicException;
import medic.schedule.SchedulerSettings;
import medic.slack.bolt.SlackSettings;
import medic.store.DatabaseSettings;
import medic.store.Vendor;
import medic.watch.WatchPolicy;

/**
 * Turns raw setting values into {@link MedicSettings}, refusing (with one line naming the setting) any value out of
 * range and any combination that cannot work, such as Slack over HTTP without a signing secret.
 */
final class SettingsChecks {
    private static final int MIN_TOKEN_LENGTH = 16;
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{2,}");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
    private static final Pattern GROUP_ID = Pattern.compile("S[A-Z0-9]{2,}");

    private final SettingValues values;

    private SettingsChecks(SettingValues values) {
        this.values = values;
    }

    static MedicSettings check(SettingValues values) {
        SettingsChecks checks = new SettingsChecks(values);
        HttpSettings http = checks.http();
        SchedulerSettings scheduler = checks.scheduler();
        DatabaseSettings database = checks.database(scheduler);
        Optional<SlackSettings> slack = checks.slack();
        return new MedicSettings(http, database, Path.of(checks.required("inventory")),
                Path.of(checks.required("runbooks")), checks.webhook(http), slack,
                slack.isPresent() ? checks.channel() : null, scheduler, checks.watch(), checks.access(),
                checks.alerts(), checks.apply(), checks.console());
    }

    private ConsoleAccess console() {
        String user = values.text("console.user").orElse(null);
        if (user != null && !USER_ID.matcher(user).matches()) {
            throw values.refuse("console.user", "\"" + user + "\" is not a Slack user ID (U... or W...)");
        }
        return new ConsoleAccess(values.text("console.token").orElse(null), user);
    }

    private ApplySettings apply() {
        int perHost = (int) range("apply.per_host_per_hour", 1, 1_000);
        int fleet = (int) range("apply.fleet_per_hour", 1, 100_000);
        if (fleet < perHost) {
            throw values.refuse("apply.fleet_per_hour", "must be at least apply.per_host_per_hour (" + perHost
                    + "), got " + fleet);
        }
        Duration recheck = values.duration("apply.recheck_delay");
        if (recheck.isZero()) {
            throw values.refuse("apply.recheck_delay", "must be longer than 0");
        }
        return new ApplySettings(perHost, fleet, recheck, values.bool("apply.probe_backend_idle"));
    }

    private HttpSettings http() {
        int port = (int) range("server.port", 0, 65535);
        long maxBody = range("server.max_body_bytes", 1024, Integer.MAX_VALUE);
        return new HttpSettings(required("server.bind"), port, maxBody, values.duration("server.shutdown_timeout"));
    }

    private SchedulerSettings scheduler() {
        int threads = (int) range("scheduler.threads", 1, 100);
        return values.bool("scheduler.clustered") ? SchedulerSettings.clustered(threads)
                : SchedulerSettings.single(threads);
    }

    private DatabaseSettings database(SchedulerSettings scheduler) {
        String url = required("database.url");
        Vendor vendor;
        try {
            vendor = Vendor.of(url);
        } catch (MedicException e) {
            throw values.refuse("database.url", e.getMessage());
        }
        if (scheduler.clustered() && vendor != Vendor.POSTGRESQL) {
            throw values.refuse("scheduler.clustered", "several replicas need a shared PostgreSQL database, but "
                    + "database.url is embedded H2; set MEDIC_DB_URL to jdbc:postgresql://... or turn clustering off");
        }
        int pool = (int) range("database.pool_size", 2, 1000);
        if (pool < scheduler.threadCount() + 3) {
            throw values.refuse("database.pool_size", "the scheduler's " + scheduler.threadCount() + " threads need at"
                    + " least " + (scheduler.threadCount() + 3) + " connections, but the pool has " + pool
                    + "; raise it or lower scheduler.threads");
        }
        return new DatabaseSettings(url, values.text("database.user").orElse(""),
                values.text("database.password").orElse(""), pool);
    }

    private WebhookSettings webhook(HttpSettings http) {
        Optional<String> token = values.text("webhook.token");
        Optional<String> user = values.text("webhook.user");
        Optional<String> password = values.text("webhook.password");
        if (token.isEmpty() && user.isEmpty() && password.isEmpty()) {
            throw values.refuse("webhook.token", "missing: Alertmanager's webhook must authenticate; set"
                    + " MEDIC_WEBHOOK_TOKEN (a bearer token), or MEDIC_WEBHOOK_USER and MEDIC_WEBHOOK_PASSWORD");
        }
        if (token.isPresent() && token.get().length() < MIN_TOKEN_LENGTH) {
            throw values.refuse("webhook.token", "too short: use at least " + MIN_TOKEN_LENGTH
                    + " random characters (e.g. openssl rand -hex 24)");
        }
        if (user.isPresent() && password.isEmpty()) {
            throw values.refuse("webhook.password", "missing: webhook.user is set, basic auth needs its password");
        }
        if (password.isPresent() && user.isEmpty()) {
            throw values.refuse("webhook.user", "missing: webhook.password is set, basic auth needs its user");
        }
        long maxBytes = range("webhook.max_bytes", 1024, http.maxBodyBytes());
        return new WebhookSettings(token.orElse(null), user.orElse(null), password.orElse(null), maxBytes);
    }

    private Optional<SlackSettings> slack() {
        Optional<String> bot = values.text("slack.bot_token");
        if (bot.isEmpty()) {
            for (String dependent : List.of("slack.channel", "slack.app_token", "slack.signing_secret")) {
                if (values.text(dependent).isPresent()) {
                    throw values.refuse("slack.bot_token", "missing: " + dependent + " is set, so Slack is meant to"
                            + " be on; set SLACK_BOT_TOKEN (xoxb-...) or unset " + dependent);
                }
            }
            return Optional.empty();
        }
        if (!bot.get().startsWith("xoxb-")) {
            throw values.refuse("slack.bot_token", "not a bot token: it must start with xoxb- (OAuth & Permissions page)");
        }
        Optional<String> app = values.text("slack.app_token");
        if (app.isPresent() && !app.get().startsWith("xapp-")) {
            throw values.refuse("slack.app_token", "not an app-level token: it must start with xapp- (Basic"
                    + " Information, App-Level Tokens, scope connections:write)");
        }
        Optional<String> secret = values.text("slack.signing_secret");
        if (app.isEmpty() && secret.isEmpty()) {
            throw values.refuse("slack.signing_secret", "missing: in HTTP mode (no SLACK_APP_TOKEN) every request to"
                    + " POST /slack/events is verified with it; copy it from Basic Information, App Credentials");
        }
        String api = required("slack.api_url");
        if (!api.startsWith("https://") && !api.startsWith("http://")) {
            throw values.refuse("slack.api_url", "expected an http(s) URL such as " + SlackSettings.DEFAULT_API_URL);
        }
        return Optional.of(new SlackSettings(bot.get(), secret.orElse(null), app.orElse(null), api));
    }

    private String channel() {
        String channel = values.text("slack.channel").orElseThrow(() -> values.refuse("slack.channel",
                "missing: Slack is on, so medic needs the channel ID (C...) to post incidents to"));
        if (!CHANNEL_ID.matcher(channel).matches()) {
            throw values.refuse("slack.channel", "\"" + channel + "\" is not a channel ID; use the ID (C...) shown"
                    + " in the channel's details, not its name");
        }
        return channel;
    }

    private WatchSettings watch() {
        Duration interval = values.duration("watch.interval");
        if (interval.toMillis() < 200) {
            throw values.refuse("watch.interval", "at least 200ms, got " + interval);
        }
        Duration window = values.duration("watch.window");
        if (window.isZero()) {
            throw values.refuse("watch.window", "must be longer than 0");
        }
        int threshold = (int) range("watch.threshold", 1, 1_000_000);
        return new WatchSettings(values.bool("watch.enabled"), interval,
                new WatchPolicy(threshold, window, values.duration("watch.cooldown"), required("watch.runbook")));
    }

    private AccessSettings access() {
        return new AccessSettings(ids("access.diagnose.channels", CHANNEL_ID, "a channel ID (C...)"),
                ids("access.diagnose.users", USER_ID, "a user ID (U... or W...)"),
                ids("access.diagnose.groups", GROUP_ID, "a user group ID (S...)"),
                ids("access.approve.users", USER_ID, "a user ID (U... or W...)"),
                ids("access.approve.groups", GROUP_ID, "a user group ID (S...)"),
                values.bool("access.four_eyes"), values.duration("access.approval_ttl"));
    }

    private AlertLabels alerts() {
        List<String> hosts = values.list("alerts.host_labels");
        if (hosts.isEmpty()) {
            throw values.refuse("alerts.host_labels", "empty: name at least one label that carries the host");
        }
        return new AlertLabels(hosts, values.list("alerts.upstream_labels"));
    }

    private List<String> ids(String path, Pattern shape, String expected) {
        List<String> ids = values.list(path);
        for (String id : ids) {
            if (!shape.matcher(id).matches()) {
                throw values.refuse(path, "\"" + id + "\" is not " + expected + "; medic trusts only Slack's"
                        + " immutable IDs (a profile's \"Copy member ID\"), never names");
            }
        }
        return ids;
    }

    private String required(String path) {
        return values.text(path).orElseThrow(() -> values.refuse(path, "missing"));
    }

    private long range(String path, long min, long max) {
        long value = values.number(path);
        if (value < min || value > max) {
            throw values.refuse(path, "must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
