package medic.server;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import medic.alert.AlertmanagerWebhook;
import medic.alert.WebhookAuth;
import medic.apply.Applier;
import medic.apply.ApplyHost;
import medic.apply.ApprovalRules;
import medic.apply.Approvals;
import medic.apply.AuditLog;
import medic.apply.CircuitBreaker;
import medic.apply.FaultInjection;
import medic.apply.Proposals;
import medic.console.Console;
import medic.console.ConsoleSettings;
import medic.console.ConsoleSlack;
import medic.incident.AlertIntake;
import medic.incident.HostMapping;
import medic.incident.IncidentStore;
import medic.incident.IntakeSettings;
import medic.lifecycle.IncidentLifecycle;
import medic.lifecycle.LifecycleParts;
import medic.lifecycle.ProbePlan;
import medic.outbox.DurableOutbox;
import medic.outbox.OutboxSettings;
import medic.schedule.Task;
import medic.slack.action.SlackInteractions;
import medic.slack.api.NoSlack;
import medic.slack.api.SdkSlackGateway;
import medic.slack.api.SlackApiSettings;
import medic.slack.api.SlackGateway;
import medic.slack.claim.JdbcRequestClaims;
import medic.slack.claim.RequestClaims;
import medic.slack.command.InteractionSettings;
import medic.slack.message.MessageTemplates;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import medic.inventory.HostEntry;
import medic.inventory.Inventory;
import medic.nginx.diagnosis.BackendFacts;
import medic.remote.Durations;
import medic.remote.ssh.SshOptions;
import medic.remote.ssh.SshPool;
import medic.runbook.RunbookCatalog;
import medic.runbook.run.HostConnections;
import medic.runbook.run.RunbookJobs;
import medic.runbook.run.UpstreamIdleProbes;
import medic.schedule.Scheduler;
import medic.slack.SlackFeature;
import medic.slack.bolt.SlackApps;
import medic.slack.bolt.SlackEventsHandler;
import medic.slack.bolt.SlackHealth;
import medic.slack.bolt.SlackSettings;
import medic.slack.bolt.SlackSocket;
import medic.store.Database;
import medic.store.RunStore;
import medic.watch.CursorStore;
import medic.watch.FailureCounter;
import medic.watch.LogFollower;
import medic.watch.LogWatcher;
import medic.watch.StormDetector;
import medic.watch.StormLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code medic serve}, assembled in order and read top to bottom: metrics, hosts and runbooks, the database,
 * runbook runs and the log watcher on the scheduler, Slack, then the HTTP server. Closing stops it all in reverse
 * (intake first, the database last). If any step fails, what already started is stopped again.
 */
public final class Medic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Medic.class);
    /** First wait before a runbook run that failed transiently (unreachable host, timeout) is tried again. */
    private static final Duration RUN_RETRY_BACKOFF = Duration.ofSeconds(30);
    private static final Duration SLACK_HEALTH_INTERVAL = Duration.ofMinutes(1);
    private static final Duration RUN_SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final int SLACK_WORKERS = 4;
    private static final int SLACK_QUEUE = 100;

    private final Shutdown shutdown;
    private final MedicServer server;
    private final PrometheusMeterRegistry registry;
    private final CountDownLatch closed = new CountDownLatch(1);

    private Medic(Shutdown shutdown, MedicServer server, PrometheusMeterRegistry registry) {
        this.shutdown = shutdown;
        this.server = server;
        this.registry = registry;
    }

    /** Starts medic with the Slack features given (the slash command, the buttons...). */
    public static Medic start(MedicSettings settings, List<SlackFeature> features, Clock clock) {
        return start(settings, features, clock, Optional.empty());
    }

    /** Starts medic, with the local console at {@code /console} when {@code console} is given. */
    public static Medic start(MedicSettings settings, List<SlackFeature> features, Clock clock,
            Optional<ConsoleSettings> console) {
        Shutdown shutdown = new Shutdown();
        try {
            return assemble(withConsoleChannel(settings, console), features, clock,
                    console.map(on -> new ConsoleSettings(on.token(), on.userId(),
                            settings.channel() == null ? on.channel() : settings.channel())), shutdown);
        } catch (RuntimeException e) {
            shutdown.close();
            throw e;
        }
    }

    private static Medic assemble(MedicSettings settings, List<SlackFeature> features, Clock clock,
            Optional<ConsoleSettings> console, Shutdown shutdown) {
        // Metrics: one registry for the whole process; every part registers its meters here.
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        shutdown.add("JVM metrics", ProcessMetrics.bind(registry));

        // What medic knows: the hosts it may act on and the runbooks it may run there.
        Inventory inventory = Inventory.load(existing(settings.inventory(), "inventory"));
        RunbookCatalog runbooks = RunbookCatalog.load(existing(settings.runbooks(), "runbooks"));
        if (settings.watch().enabled() && runbooks.named(settings.watch().policy().runbook()).isEmpty()) {
            throw new SettingsException("setting " + SettingCatalog.require("watch.runbook").label() + ": no runbook named "
                    + settings.watch().policy().runbook() + " in " + settings.runbooks() + "; loaded: "
                    + String.join(", ", runbooks.runbooks().stream().map(r -> r.name()).toList()));
        }

        // Storage and the way to hosts.
        Database database = shutdown.add("database", Database.open(settings.database()));
        SshPool ssh = shutdown.add("SSH connections", new SshPool(SshOptions.defaults()));
        HostConnections hosts = new HostConnections(ssh);

        // Slack's Web API behind the outbox: every call persisted, then sent in order, paced and retried.
        Optional<Slack> slack = settings.slack().map(slackSettings -> SlackApps.client(slackSettings, registry));
        SlackGateway slackApi = settings.slack().<SlackGateway>map(slackSettings -> shutdown.add("Slack Web API",
                SdkSlackGateway.connect(SlackApiSettings.of(slackSettings.botToken())
                        .withBaseUrl(slackSettings.apiUrl())))).orElseGet(NoSlack::new);
        // The local console shows what goes to Slack; without Slack it is where messages go.
        Optional<ConsoleSlack> consoleSlack = console.map(on -> settings.slack().isPresent()
                ? ConsoleSlack.mirroring(slackApi) : ConsoleSlack.standalone());
        SlackGateway gateway = consoleSlack.<SlackGateway>map(shown -> shown).orElse(slackApi);
        DurableOutbox outbox = shutdown.add("Slack outbox",
                DurableOutbox.start(database, gateway, OutboxSettings.DEFAULTS, registry));

        // The incident flow: intake -> runbook -> diagnosis -> proposal -> message -> approval -> apply -> verify.
        AuditLog audit = new AuditLog(database);
        ApprovalRules approvalRules = new ApprovalRules(settings.access().fourEyes(), settings.access().approvalTtl());
        Proposals proposals = new Proposals(database, audit, approvalRules);
        IncidentStore incidents = new IncidentStore(database);
        RunbookJobs runs = new RunbookJobs(new RunStore(database, clock), inventory, runbooks, hosts,
                BackendFacts.NONE, RUN_RETRY_BACKOFF, clock);
        Applier applier = new Applier(database, audit, proposals,
                new CircuitBreaker(database, settings.apply().perHostPerHour(), settings.apply().fleetPerHour()),
                name -> {
                    HostEntry entry = inventory.host(name).orElseThrow(() -> new SettingsException("host " + name
                            + " is no longer in " + settings.inventory() + "; add it back to apply or roll back"));
                    return new ApplyHost(entry, hosts.open(entry), entry.nginx().verify().pidFileIfSet());
                },
                FaultInjection.NONE, clock, "medic-" + ProcessHandle.current().pid());
        IncidentLifecycle lifecycle = new IncidentLifecycle(new LifecycleParts(database, inventory, runbooks,
                settings.watch().policy().runbook(), runs, hosts, incidents, outbox, settings.channel(),
                MessageTemplates.defaults(), proposals,
                new Approvals(database, audit, SlackAccess.approvers(settings.access()), approvalRules),
                approvalRules, applier, audit, ProbePlan.fromInventory(), settings.apply().recheckDelay(), registry, clock));
        runs.observedBy(lifecycle.runObserver());
        if (settings.apply().probeBackendIdle()) {
            runs.probingBackends(new UpstreamIdleProbes(UpstreamIdleProbes.Settings.defaults()));
        }
        IntakeSettings intakeSettings = intakeSettings(settings.alerts());
        AlertIntake intake = new AlertIntake(database, new HostMapping(inventory, intakeSettings), intakeSettings,
                lifecycle.events(), clock);
        LogWatcher watcher = new LogWatcher(inventory, hosts::open, new CursorStore(database, clock),
                new LogFollower(), new FailureCounter(registry), new StormDetector(settings.watch().policy(),
                        lifecycle.watcherOpener(), new StormLedger(database), clock));

        // Everything that must survive a restart runs as a job of the persistent scheduler.
        Map<String, Task> tasks = new HashMap<>(runs.tasks());
        tasks.put(LogWatcher.TASK, watcher.task());
        tasks.put(DurableOutbox.SWEEP_TASK, outbox.sweepTask());
        tasks.put(JdbcRequestClaims.SWEEP_TASK, JdbcRequestClaims.sweepTask(database, clock));
        tasks.putAll(lifecycle.tasks());
        Scheduler scheduler = Scheduler.start(database, settings.scheduler(), tasks);
        shutdown.add("scheduler", () -> stop(scheduler, settings.http().shutdownTimeout()));
        runs.attach(scheduler);
        runs.scheduleSweep(RUN_SWEEP_INTERVAL);
        scheduler.scheduleRepeating(DurableOutbox.SWEEP_TASK, DurableOutbox.SWEEP_TASK, Map.of(),
                DurableOutbox.SWEEP_INTERVAL);
        scheduler.scheduleRepeating(JdbcRequestClaims.SWEEP_TASK, JdbcRequestClaims.SWEEP_TASK, Map.of(),
                JdbcRequestClaims.SWEEP_INTERVAL);
        lifecycle.attach(scheduler, intake);
        scheduleWatcher(settings.watch(), inventory, watcher, scheduler);

        Map<String, ReadinessCheck> checks = new LinkedHashMap<>();
        checks.put("database", new DatabaseProbe(database));
        checks.put("scheduler", new SchedulerProbe(settings.scheduler().name()));
        List<Route> routes = new ArrayList<>();
        routes.add(Route.post(AlertmanagerWebhook.PATH, new AlertmanagerWebhook(new WebhookAuth(
                settings.webhook().token(), settings.webhook().user(), settings.webhook().password()),
                settings.webhook().maxBytes(), intake)));

        if (console.isPresent()) {
            routes.addAll(shutdown.add("console", new Console(console.get(), consoleSlack.orElseThrow(),
                    SlackAccess.policy(settings.access(), settings.channel()), lifecycle.operations(), outbox,
                    SlackAccess.audited(audit, clock))).routes());
        }

        // Slack: one Bolt app with every feature, over Socket Mode or POST /slack/events.
        if (settings.slack().isPresent()) {
            SlackSettings slackSettings = settings.slack().get();
            // Bounded: when the queue is full, people are told medic is busy instead of waiting on a silent app.
            ExecutorService work = new ThreadPoolExecutor(SLACK_WORKERS, SLACK_WORKERS, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(SLACK_QUEUE), runnable -> {
                        Thread thread = new Thread(runnable, "medic-slack-work");
                        thread.setDaemon(true);
                        return thread;
                    });
            shutdown.add("Slack request work", work::shutdown);
            List<SlackFeature> all = new ArrayList<>(SlackInteractions.features(InteractionSettings.DEFAULTS,
                    SlackAccess.policy(settings.access(), settings.channel()), Set.copyOf(inventory.names()),
                    slack.orElseThrow().methods(slackSettings.botToken()), lifecycle.operations(),
                    MessageTemplates.defaults(),
                    outbox, work, SlackAccess.audited(audit, clock),
                    // Slack or a load balancer may deliver one request to several replicas: one handles it.
                    RequestClaims.amongReplicas(database, clock, scheduler.instanceId()), clock));
            all.addAll(features); // installed last: a feature given here replaces a built-in one of the same name
            App app = SlackApps.build(slackSettings, slack.orElseThrow(), all, clock);
            shutdown.add("Slack app", app::stop);
            SlackHealth health = new SlackHealth(slackSettings, slack.orElseThrow(), clock, SLACK_HEALTH_INTERVAL);
            checks.put("slack", health::problem);
            if (slackSettings.socketMode()) {
                SlackSocket socket = shutdown.add("Slack Socket Mode", SlackSocket.connect(app, slackSettings));
                checks.put("slack_socket", socket::problem);
            } else {
                routes.add(Route.post(SlackEventsHandler.PATH, new SlackEventsHandler(app)));
            }
        }

        // HTTP last: nothing is served before everything behind it runs.
        MedicServer server = shutdown.add("HTTP server",
                MedicServer.start(settings.http(), registry, checks, routes));
        LOG.info("medic serving on {}:{} (Slack: {}, log watcher: {}, {} hosts, {} runbooks)", settings.http().bind(),
                server.port(), settings.slack().map(s -> s.socketMode() ? "Socket Mode" : "HTTP").orElse("off"),
                settings.watch().enabled() ? "every " + Durations.describe(settings.watch().interval()) : "off", inventory.hosts().size(),
                runbooks.runbooks().size());
        // Names this replica in runs.runner and Quartz's tables, so an operator can tell which one ran what.
        LOG.info("scheduler instance {} ({})", scheduler.instanceId(), settings.scheduler().clustered()
                ? "clustered: a live replica recovers the jobs of one that dies" : "single");
        return new Medic(shutdown, server, registry);
    }

    /** The HTTP port (the one picked when the settings said 0). */
    public int port() {
        return server.port();
    }

    /** The process's meter registry, as {@code /metrics} shows it. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Blocks until {@link #close()} has finished (from a shutdown hook, on SIGTERM). */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops intake (HTTP, Slack), lets running jobs finish up to the shutdown timeout, then closes the database. */
    @Override
    public void close() {
        shutdown.close();
        LOG.info("medic stopped");
        closed.countDown();
    }

    /** Without Slack there is no channel setting; the console's channel stands in for it. */
    private static MedicSettings withConsoleChannel(MedicSettings settings, Optional<ConsoleSettings> console) {
        if (console.isEmpty() || settings.channel() != null) {
            return settings;
        }
        return new MedicSettings(settings.http(), settings.database(), settings.inventory(), settings.runbooks(),
                settings.webhook(), settings.slack(), console.get().channel(), settings.scheduler(), settings.watch(),
                settings.access(), settings.alerts(), settings.apply(), settings.console());
    }

    private static IntakeSettings intakeSettings(AlertLabels labels) {
        IntakeSettings defaults = IntakeSettings.defaults();
        return new IntakeSettings(labels.hostLabels(), labels.upstreamLabels().get(0), defaults.severityLabel(),
                defaults.reopenWindow());
    }

    private static void scheduleWatcher(WatchSettings watch, Inventory inventory, LogWatcher watcher,
            Scheduler scheduler) {
        if (watch.enabled()) {
            watcher.schedule(scheduler, watch.interval());
        } else {
            // Jobs persist: a watcher that was on before this start must be switched off explicitly.
            inventory.names().forEach(host -> scheduler.unschedule(LogWatcher.jobName(host)));
        }
    }

    private static void stop(Scheduler scheduler, Duration timeout) throws InterruptedException {
        Thread stopper = new Thread(() -> scheduler.shutdown(true), "medic-scheduler-stop");
        stopper.start();
        stopper.join(timeout.toMillis());
        if (stopper.isAlive()) {
            LOG.warn("jobs still running after {}; they are cut off and recovered at the next start", timeout);
        }
    }

    private static Path existing(Path path, String setting) {
        if (!Files.exists(path)) {
            throw new SettingsException("setting " + SettingCatalog.require(setting).label() + ": " + path.toAbsolutePath()
                    + " does not exist; give the path of medic's " + setting);
        }
        return path;
    }
}
