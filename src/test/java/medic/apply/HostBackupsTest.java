package medic.apply;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import medic.remote.LocalHost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host copies a recovery may use: found by their exact name, proven by the sealed sha256, by nothing else. */
class HostBackupsTest {

    private static final long CHANGE = 7;
    private static final String ORIGINAL = "proxy_read_timeout 2s;\n";

    @TempDir
    Path temp;

    private Path dir;
    private Path config;
    private HostBackups backups;

    @BeforeEach
    void hostileDirectory() throws Exception {
        // Quotes, spaces and a command substitution in the path: none of it may reach a shell unquoted.
        dir = Files.createDirectories(temp.resolve("we ird $(touch pwned) 'dir'"));
        config = Files.writeString(dir.resolve("it's $(id).conf"), "proxy_read_timeout 3600s;\n");
        backups = new HostBackups(new ApplyHost(CrashChild.localEntry("/usr/sbin/nginx", config.toString()),
                new LocalHost("edge-1"), Optional.empty()));
    }

    @Test
    void lists_only_the_copies_named_for_the_change_newest_first_and_runs_nothing_from_names() throws Exception {
        Path older = copy("20261124T100000Z-c7", ORIGINAL);
        Path newer = copy("20261124T110000Z-c7", ORIGINAL);
        copy("20261124T120000Z-c8", ORIGINAL);
        copy("20261124T120000Z-c70", ORIGINAL);
        copy("20261124T120000Z-c17", ORIGINAL);
        copy("latest-c7", ORIGINAL);
        copy("20261124T120000Z\n20261124T120000Z-c7", ORIGINAL);
        Files.createDirectory(Path.of(NginxCommands.backupCopy(config.toString(), "20261124T130000Z-c7")));

        assertEquals(List.of(newer.toString(), older.toString()), backups.copies(config.toString(), CHANGE));
        assertFalse(Files.exists(temp.resolve("pwned")), "a name reached a shell unquoted");
        try (var files = Files.list(temp)) {
            assertEquals(1, files.count(), "the listing created nothing");
        }
    }

    @Test
    void proves_the_newest_copy_whose_hash_is_the_sealed_original_and_says_why_the_others_were_not_used()
            throws Exception {
        Path proven = copy("20261124T100000Z-c7", ORIGINAL);
        Path halfCopied = copy("20261124T110000Z-c7", ORIGINAL.substring(0, 10));

        HostBackups.Proof proof = backups.prove(sealed(ORIGINAL), CHANGE);

        assertEquals(proven.toString(), proof.backup().orElseThrow().hostCopy());
        assertEquals(ORIGINAL, new String(proof.backup().orElseThrow().content(), UTF_8));
        assertEquals(List.of(halfCopied + " has sha256 " + Sha256.of(ORIGINAL.substring(0, 10)).substring(0, 12)),
                proof.rejected());
    }

    @Test
    void proves_nothing_when_no_copy_has_the_sealed_hash_and_names_the_pattern_it_looked_for() throws Exception {
        copy("20261124T100000Z-c8", ORIGINAL);

        HostBackups.Proof none = backups.prove(sealed(ORIGINAL), CHANGE);

        assertTrue(none.backup().isEmpty());
        assertEquals("no host copy matches " + dir + "/.it's $(id).conf.medic-*-c7.bak", none.whyUnproven());

        copy("20261124T100000Z-c7", "proxy_read_timeout 5s;\n");
        HostBackups.Proof wrong = backups.prove(sealed(ORIGINAL), CHANGE);

        assertTrue(wrong.backup().isEmpty());
        assertTrue(wrong.whyUnproven().startsWith("1 host copy found, none with the sealed sha256 "
                + Sha256.of(ORIGINAL).substring(0, 12)), wrong.whyUnproven());
    }

    private Path copy(String suffix, String content) throws Exception {
        return Files.writeString(Path.of(NginxCommands.backupCopy(config.toString(), suffix)), content);
    }

    private SealedFile sealed(String before) {
        byte[] after = "proxy_read_timeout 3600s;\n".getBytes(UTF_8);
        return new SealedFile(config.toString(), Sha256.of(before), Sha256.of(after), after);
    }
}
