package medic.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import medic.remote.CommandResult;
import medic.remote.ShellQuote;

/**
 * Finds the copies an apply left beside a file on the host ({@code .NAME.medic-TIME-c<change>.bak}) and proves one
 * the original: only a copy whose sha256 is the proposal's sealed {@code beforeSha256} is ever used. The listing
 * passes no host name through a shell unquoted, and keeps only names that match the expected pattern exactly.
 */
final class HostBackups {

    private final ApplyHost host;

    HostBackups(ApplyHost host) {
        this.host = host;
    }

    /** What the search found for one file: the proven backup, if any, and why every other candidate was not used. */
    record Proof(SealedFile file, String pattern, Optional<Backup> backup, List<String> rejected) {
        Proof {
            rejected = List.copyOf(rejected);
        }

        /** Why no backup proves itself, e.g. {@code no host copy matches /etc/nginx/.site.conf.medic-*-c7.bak}. */
        String whyUnproven() {
            return rejected.isEmpty() ? "no host copy matches " + pattern
                    : rejected.size() + " host cop" + (rejected.size() == 1 ? "y" : "ies") + " found, none with the"
                    + " sealed sha256 " + file.beforeSha256().substring(0, 12) + " ("
                    + String.join("; ", rejected) + ")";
        }
    }

    /** Looks for change {@code changeId}'s copies of {@code file}, newest first; keeps the first its hash proves. */
    Proof prove(SealedFile file, long changeId) {
        List<String> rejected = new ArrayList<>();
        String pattern = NginxCommands.backupCopy(file.path(), "*-c" + changeId);
        for (String copy : copies(file.path(), changeId)) {
            byte[] content;
            try {
                content = host.remote().read(copy, HostFiles.MAX_FILE_BYTES);
            } catch (RuntimeException e) {
                rejected.add(copy + " cannot be read: " + e.getMessage());
                continue;
            }
            String sha = Sha256.of(content);
            if (sha.equals(file.beforeSha256())) {
                return new Proof(file, pattern, Optional.of(new Backup(file.path(), copy, sha, content)), rejected);
            }
            rejected.add(copy + " has sha256 " + sha.substring(0, 12));
        }
        return new Proof(file, pattern, Optional.empty(), rejected);
    }

    /**
     * The host copies of {@code path} made for change {@code changeId}, newest first. The shell expands a glob
     * whose fixed parts are quoted; a printed line counts only if it matches the name an apply gives its copies,
     * so a stray or hostile name (another change's, one holding a newline) is never read.
     */
    List<String> copies(String path, long changeId) {
        String prefix = NginxCommands.backupCopy(path, "");
        prefix = prefix.substring(0, prefix.length() - ".bak".length());
        String suffix = "-c" + changeId + ".bak";
        String script = "for f in " + ShellQuote.single(prefix) + "*" + ShellQuote.single(suffix) + "; do\n"
                + "  if [ -f \"$f\" ]; then printf '%s\\n' \"$f\"; fi\n"
                + "done\n";
        CommandResult listed = host.remote().run(script, NginxCommands.TIMEOUT);
        if (!listed.succeeded()) {
            throw new ApplyException(host.entry().name() + ": cannot list the host backups of " + path + ": "
                    + NginxCommands.output(listed));
        }
        Pattern expected = Pattern.compile(Pattern.quote(prefix) + "\\d{8}T\\d{6}Z" + Pattern.quote(suffix));
        return listed.stdout().lines().filter(line -> expected.matcher(line).matches()).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }
}
