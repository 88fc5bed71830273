package medic.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import medic.remote.CommandResult;

/** The file work of an apply on one host: the drift check, backups, atomic writes and restores. */
final class HostFiles {

    /** Config files larger than this are refused rather than read into memory. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final ApplyHost host;

    HostFiles(ApplyHost host) {
        this.host = host;
    }

    /** The first file whose content is not what the proposal was made from, described; empty when none drifted. */
    Optional<String> drift(List<SealedFile> files) {
        return firstChanged(files).map(changed -> changed + "; diagnose again for a fresh proposal");
    }

    /** {@link #drift} without the advice. */
    Optional<String> firstChanged(List<SealedFile> files) {
        for (SealedFile file : files) {
            String now = Sha256.of(host.remote().read(file.path(), MAX_FILE_BYTES));
            if (!now.equals(file.beforeSha256())) {
                return Optional.of(file.path() + " changed since the proposal was made (sha256 now "
                        + now.substring(0, 12) + ", approved against " + file.beforeSha256().substring(0, 12)
                        + (now.equals(file.afterSha256()) ? "; it already holds the proposed content" : "") + ")");
            }
        }
        return Optional.empty();
    }

    /** Reads each file and copies it beside itself on the host; the caller stores the result in the database. */
    List<Backup> backUp(List<SealedFile> files, String suffix) {
        List<Backup> backups = new ArrayList<>();
        for (SealedFile file : files) {
            byte[] content = host.remote().read(file.path(), MAX_FILE_BYTES);
            String copy = NginxCommands.backupCopy(file.path(), suffix);
            CommandResult copied = NginxCommands.copy(host, file.path(), copy);
            if (!copied.succeeded()) {
                throw new ApplyException(host.entry().name() + ": cannot copy " + file.path() + " to " + copy + ": "
                        + NginxCommands.output(copied) + "; nothing was changed");
            }
            backups.add(new Backup(file.path(), copy, Sha256.of(content), content));
        }
        return backups;
    }

    void write(SealedFile file) {
        host.remote().writeAtomically(file.path(), file.after());
    }

    /**
     * Puts back every backup whose file differs from it and tells {@code done}, file by file once it is handled, what
     * it found: {@code proposed} (the change's files, in the backups' order) tells the change's own content from a
     * stranger's.
     */
    void restore(List<Backup> backups, List<SealedFile> proposed, Consumer<FileRestore> done) {
        for (int i = 0; i < backups.size(); i++) {
            Backup backup = backups.get(i);
            String now = Sha256.of(host.remote().read(backup.path(), MAX_FILE_BYTES));
            FileRestore.Found found = now.equals(backup.sha256()) ? FileRestore.Found.ORIGINAL
                    : i < proposed.size() && now.equals(proposed.get(i).afterSha256()) ? FileRestore.Found.NEW
                    : FileRestore.Found.OTHER;
            if (found != FileRestore.Found.ORIGINAL) {
                host.remote().writeAtomically(backup.path(), backup.content());
            }
            done.accept(new FileRestore(backup.path(), found, now));
        }
    }

    /** The first file changed since the apply (neither the applied nor the backed-up content), described. */
    Optional<String> changedSinceApply(List<SealedFile> files, List<Backup> backups) {
        for (int i = 0; i < files.size(); i++) {
            String now = Sha256.of(host.remote().read(files.get(i).path(), MAX_FILE_BYTES));
            if (!now.equals(files.get(i).afterSha256()) && !now.equals(backups.get(i).sha256())) {
                return Optional.of(files.get(i).path() + " was edited after the change was applied (sha256 now "
                        + now.substring(0, 12) + "); restore it by hand from " + backups.get(i).hostCopy());
            }
        }
        return Optional.empty();
    }
}
