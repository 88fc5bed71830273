package medic.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.inventory.yaml.Fields;
import medic.inventory.yaml.YamlMap;
import medic.inventory.yaml.YamlNode;
import medic.inventory.yaml.YamlScalar;
import medic.nginx.model.NginxTime;

/** Reads the fields of one host entry, or of the defaults section (which allows only the shareable ones). */
final class HostReader {
    static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._:%-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SUDO = Pattern.compile("[A-Za-z0-9_/][A-Za-z0-9_./:=@%+-]*( +[A-Za-z0-9_./:=@%+-]+)*");
    static final List<String> SSH_FIELDS = List.of("address", "port", "user", "key", "known_hosts", "jump");

    private final Path baseDirectory;

    HostReader(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    HostDraft read(Fields fields, boolean defaults) {
        HostDraft draft = new HostDraft(fields.map());
        if (!defaults) {
            draft.nameNode = fields.node("name").orElse(null);
            draft.name = fields.requiredString("name", "give each host a unique name, e.g. name: edge-1")
                    .filter(name -> check(fields, "name", HOST_NAME, name, "letters, digits, '.', '_' and '-'"))
                    .orElse(null);
            fields.string("transport").ifPresent(text -> {
                draft.transport = transport(fields, text);
                draft.transportInvalid = draft.transport == null;
            });
            draft.address = fields.string("address")
                    .filter(a -> check(fields, "address", ADDRESS, a, "a DNS name or an IP address")).orElse(null);
            draft.jumpNode = fields.node("jump").orElse(null);
            draft.jump = fields.string("jump").orElse(null);
            draft.matchers = MatcherFields.read(fields);
        }
        fields.integer("port").ifPresent(port -> {
            if (port < 1 || port > 65535) {
                fields.problems().add(fields.node("port").orElseThrow(), port + " is not a TCP port; use 1 to 65535 (ssh listens on 22)");
            } else {
                draft.port = port.intValue();
            }
        });
        draft.user = fields.string("user").filter(u -> check(fields, "user", USER, u, "a login name")).orElse(null);
        fields.node("key").ifPresent(node -> draft.key = key(fields, node));
        fields.node("known_hosts").ifPresent(node -> draft.knownHosts = fields.text(node)
                .flatMap(text -> localPath(fields, node, text)).orElse(null));
        draft.sudo = fields.string("sudo").filter(s -> s.isEmpty() || check(fields, "sudo", SUDO, s,
                "plain words such as \"sudo -n\" (no shell syntax)")).orElse(null);
        fields.mapping("nginx", "a mapping with binary, config, error_logs and reload").ifPresent(nginx ->
                Fields.of(nginx, fields.problems(), "a mapping").ifPresent(n -> nginx(n, draft)));
        for (String ssh : SSH_FIELDS) {
            Optional.ofNullable(fields.map().entries().get(ssh)).ifPresent(draft.sshFields::add);
        }
        fields.rejectUnknown();
        return draft;
    }

    private void nginx(Fields fields, HostDraft draft) {
        draft.binary = fields.node("binary").flatMap(node -> remotePath(fields, node)).orElse(null);
        draft.config = fields.node("config").flatMap(node -> remotePath(fields, node)).orElse(null);
        if (fields.node("error_logs").isPresent()) {
            List<String> logs = new ArrayList<>();
            for (YamlScalar log : fields.textList("error_logs")) {
                remotePath(fields, log).ifPresent(logs::add);
            }
            YamlNode written = fields.node("error_logs").orElseThrow();
            if (written instanceof medic.inventory.yaml.YamlList list && list.items().isEmpty()) {
                fields.problems().add(written, "name at least one error log, or leave the field out for "
                        + NginxSettings.DEFAULT_ERROR_LOG);
            }
            draft.errorLogs = logs.isEmpty() ? null : logs;
        }
        draft.reload = fields.string("reload").filter(reload -> {
            if (reload.isBlank() || reload.contains("\n") || reload.contains("\r")) {
                fields.problems().add(fields.node("reload").orElseThrow(), "the reload command must be one non-empty line");
                return false;
            }
            return true;
        }).orElse(null);
        fields.mapping("verify", "a mapping with pid_file, websocket and health").ifPresent(verify ->
                Fields.of(verify, fields.problems(), "a mapping").ifPresent(v -> draft.verify = verify(v)));
        fields.mapping("backend_idle_timeouts", "a mapping from upstream name or server address to a time, e.g."
                + " api_upstream: 5s").ifPresent(idle -> draft.backendIdleTimeouts = backendIdle(fields, idle));
        fields.rejectUnknown();
    }

    /** How long each backend keeps an idle keep-alive connection, in nginx's time syntax (5s, 500ms). */
    private static Map<String, Duration> backendIdle(Fields fields, YamlMap idle) {
        Map<String, Duration> timeouts = new LinkedHashMap<>();
        for (YamlMap.Entry entry : idle.entries().values()) {
            fields.text(entry.value()).ifPresent(text -> {
                Duration timeout = NginxTime.parse(text);
                if (timeout == null || timeout.isZero()) {
                    fields.problems().add(entry.value(), "\"" + text + "\" is not an idle timeout for " + entry.key()
                            + "; write the backend's keep-alive timeout as nginx writes times, e.g. 5s or 500ms"
                            + " (Node's default is 5s, gunicorn's 2s)");
                } else {
                    timeouts.put(entry.key(), timeout);
                }
            });
        }
        return timeouts;
    }

    private VerifyTargets verify(Fields fields) {
        String pidFile = fields.node("pid_file").flatMap(node -> remotePath(fields, node)).orElse(null);
        URI websocket = url(fields, "websocket", "ws", "ws://127.0.0.1/ws/ (a WebSocket location through nginx)");
        URI health = url(fields, "health", "http", "http://127.0.0.1/healthz");
        fields.rejectUnknown();
        return new VerifyTargets(pidFile, websocket, health);
    }

    private static URI url(Fields fields, String field, String scheme, String example) {
        return fields.string(field).map(text -> {
            try {
                URI uri = new URI(text);
                if (scheme.equals(uri.getScheme()) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            fields.problems().add(fields.node(field).orElseThrow(), "\"" + text + "\" is not a " + scheme
                    + ":// URL; write e.g. " + example);
            return null;
        }).orElse(null);
    }

    private static Transport transport(Fields fields, String text) {
        for (Transport t : Transport.values()) {
            if (t.yamlName().equals(text.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        fields.problems().add(fields.node("transport").orElseThrow(), "\"" + text + "\" is not a transport; use ssh (the default)"
                + " or local (medic runs on the nginx host itself)");
        return null;
    }

    private KeySource key(Fields fields, YamlNode node) {
        if (node instanceof YamlScalar) {
            return fields.text(node).flatMap(text -> localPath(fields, node, text))
                    .map(path -> (KeySource) new KeySource.File(path, null)).orElse(null);
        }
        Optional<Fields> key = Fields.of(node, fields.problems(), "a key file path, or a mapping with file or env"
                + " (and optionally passphrase_env)");
        if (key.isEmpty()) {
            return null;
        }
        Fields k = key.get();
        Optional<YamlNode> file = k.node("file");
        Optional<String> env = k.string("env").filter(e -> check(k, "env", ENV_NAME, e, "an environment variable name"));
        String passphrase = k.string("passphrase_env")
                .filter(e -> check(k, "passphrase_env", ENV_NAME, e, "an environment variable name")).orElse(null);
        k.refuse("passphrase", "a passphrase never goes in the inventory; put it in an environment variable and"
                + " name the variable with passphrase_env");
        k.rejectUnknown();
        if (file.isPresent() == k.has("env")) {
            fields.problems().add(node, "give exactly one of file (a private key file) or env (a variable holding the key)");
            return null;
        }
        if (file.isPresent()) {
            return k.text(file.get()).flatMap(text -> localPath(k, file.get(), text))
                    .map(path -> (KeySource) new KeySource.File(path, passphrase)).orElse(null);
        }
        return env.map(variable -> (KeySource) new KeySource.Env(variable, passphrase)).orElse(null);
    }

    /** A file on medic's machine; relative paths are taken from the inventory file's directory. */
    private Optional<Path> localPath(Fields fields, YamlNode node, String text) {
        if (text.isBlank() || text.startsWith("~") || text.indexOf('\0') >= 0) {
            fields.problems().add(node, "\"" + text + "\" is not a usable path; write an absolute path or one relative to"
                    + " the inventory file (~ is not expanded)");
            return Optional.empty();
        }
        try {
            return Optional.of(baseDirectory.resolve(text).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            fields.problems().add(node, "\"" + text + "\" is not a usable path: " + e.getReason());
            return Optional.empty();
        }
    }

    /** A path on the nginx host: it must be absolute, since medic cannot know the remote working directory. */
    private static Optional<String> remotePath(Fields fields, YamlNode node) {
        return fields.text(node).filter(text -> {
            if (!text.startsWith("/") || text.contains("\n") || text.contains("\r") || text.indexOf('\0') >= 0) {
                fields.problems().add(node, "\"" + text + "\" is not an absolute path; paths on the nginx host must start"
                        + " with /, e.g. /var/log/nginx/error.log");
                return false;
            }
            return true;
        });
    }

    private static boolean check(Fields fields, String key, Pattern pattern, String value, String expected) {
        if (pattern.matcher(value).matches()) {
            return true;
        }
        fields.problems().add(fields.node(key).orElseThrow(), "\"" + value + "\" is not valid here; expected " + expected);
        return false;
    }
}
