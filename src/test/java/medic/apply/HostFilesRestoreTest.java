package medic.apply;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import medic.remote.LocalHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore tells, file by file, what it found: the backed-up content (left alone), the change's, or a stranger's. */
class HostFilesRestoreTest {

    @TempDir
    Path dir;

    @Test
    void restores_new_and_foreign_content_and_leaves_original_content_alone() throws Exception {
        Path untouched = write("untouched.conf", "old a\n");
        Path written = write("written.conf", "new b\n");
        Path edited = write("edited.conf", "someone else's c\n");
        List<Backup> backups = List.of(backup(untouched, "old a\n"), backup(written, "old b\n"),
                backup(edited, "old c\n"));
        List<SealedFile> proposed = List.of(sealed(untouched, "old a\n", "new a\n"),
                sealed(written, "old b\n", "new b\n"), sealed(edited, "old c\n", "new c\n"));
        FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(untouched, anHourAgo);

        List<FileRestore> outcomes = new ArrayList<>();
        new HostFiles(new ApplyHost(CrashChild.localEntry("/usr/sbin/nginx", untouched.toString()),
                new LocalHost("edge-1"), Optional.empty())).restore(backups, proposed, outcomes::add);

        assertEquals(List.of(FileRestore.Found.ORIGINAL, FileRestore.Found.NEW, FileRestore.Found.OTHER),
                outcomes.stream().map(FileRestore::found).toList());
        assertEquals(List.of("old a\n", "old b\n", "old c\n"), List.of(Files.readString(untouched),
                Files.readString(written), Files.readString(edited)));
        assertEquals(anHourAgo, Files.getLastModifiedTime(untouched), "the file with its backed-up content was not rewritten");
        assertEquals(edited + ": held content neither backed up nor proposed (sha256 "
                + Sha256.of("someone else's c\n").substring(0, 12) + "); restored from the backup",
                outcomes.get(2).describe());
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private static Backup backup(Path path, String content) {
        byte[] bytes = content.getBytes(UTF_8);
        return new Backup(path.toString(), path + ".bak", Sha256.of(bytes), bytes);
    }

    private static SealedFile sealed(Path path, String before, String after) {
        byte[] bytes = after.getBytes(UTF_8);
        return new SealedFile(path.toString(), Sha256.of(before.getBytes(UTF_8)), Sha256.of(bytes), bytes);
    }
}
