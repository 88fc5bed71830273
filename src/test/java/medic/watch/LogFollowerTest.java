package medic.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import medic.remote.LocalHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a real file through /bin/sh on this machine: offsets, partial lines, rotation, truncation, quoting. */
class LogFollowerTest {
    @TempDir
    Path dir;

    private final LocalHost host = new LocalHost("edge-local");
    private final LogFollower follower = new LogFollower();

    private static String text(LogChunk chunk) {
        return new String(chunk.bytes(), 0, chunk.consumed(), StandardCharsets.UTF_8);
    }

    @Test
    void a_first_poll_skips_what_is_there_and_then_reads_only_appended_lines() throws IOException {
        Path log = dir.resolve("error.log");
        SeedLines.append(log, SeedLines.LINES.get(0), SeedLines.LINES.get(1));
        LogCursor fresh = LogCursor.fresh("edge-local", log.toString());
        LogChunk first = follower.poll(host, fresh);
        assertEquals(LogChunk.Restart.FIRST_READ, first.restart());
        assertEquals(Files.size(log), first.advance(fresh).offset());
        assertEquals(0, first.consumed());
        assertEquals(String.valueOf(Files.getAttribute(log, "unix:ino")), first.identity());

        SeedLines.append(log, SeedLines.RESET_HEADER_8080);
        LogCursor cursor = first.advance(fresh);
        LogChunk next = follower.poll(host, cursor);
        assertEquals(LogChunk.Restart.NONE, next.restart());
        assertEquals(SeedLines.RESET_HEADER_8080 + "\n", text(next));
        assertEquals(Files.size(log), next.advance(cursor).offset());
    }

    @Test
    void a_partial_last_line_waits_for_its_newline() throws IOException {
        Path log = dir.resolve("error.log");
        Files.createFile(log);
        LogCursor cursor = follower.poll(host, LogCursor.fresh("edge-local", log.toString()))
                .advance(LogCursor.fresh("edge-local", log.toString()));
        String line = SeedLines.TIMED_OUT_8080;
        SeedLines.write(log, line.substring(0, 40));
        LogChunk partial = follower.poll(host, cursor);
        assertEquals(0, partial.consumed());
        assertEquals(cursor, partial.advance(cursor));

        SeedLines.write(log, line.substring(40) + "\n");
        LogChunk whole = follower.poll(host, cursor);
        assertEquals(line + "\n", text(whole));
    }

    @Test
    void a_rotated_log_is_read_from_the_start_of_the_new_file() throws IOException {
        Path log = dir.resolve("error.log");
        SeedLines.append(log, SeedLines.LINES.get(0), SeedLines.LINES.get(1), SeedLines.LINES.get(2));
        String inode = String.valueOf(Files.getAttribute(log, "unix:ino"));
        LogCursor cursor = new LogCursor("edge-local", log.toString(), inode, Files.size(log));
        Files.move(log, dir.resolve("error.log.1"));
        SeedLines.append(log, SeedLines.NO_LIVE_UPSTREAMS);
        LogChunk chunk = follower.poll(host, cursor);
        assertEquals(LogChunk.Restart.ROTATED, chunk.restart());
        assertEquals(0, chunk.start());
        assertEquals(SeedLines.NO_LIVE_UPSTREAMS + "\n", text(chunk));
        assertEquals(new LogCursor("edge-local", log.toString(),
                String.valueOf(Files.getAttribute(log, "unix:ino")), Files.size(log)), chunk.advance(cursor));
    }

    @Test
    void a_truncated_log_is_read_from_zero() throws IOException {
        Path log = dir.resolve("error.log");
        SeedLines.append(log, SeedLines.LINES.get(0), SeedLines.LINES.get(1), SeedLines.LINES.get(2));
        String inode = String.valueOf(Files.getAttribute(log, "unix:ino"));
        LogCursor cursor = new LogCursor("edge-local", log.toString(), inode, Files.size(log));
        Files.write(log, new byte[0]);
        SeedLines.append(log, SeedLines.RESET_HEADER_8081);
        LogChunk chunk = follower.poll(host, cursor);
        assertEquals(LogChunk.Restart.TRUNCATED, chunk.restart());
        assertEquals(0, chunk.start());
        assertEquals(SeedLines.RESET_HEADER_8081 + "\n", text(chunk));
    }

    @Test
    void a_missing_log_reads_nothing_and_keeps_the_cursor() {
        LogCursor cursor = new LogCursor("edge-local", dir.resolve("gone.log").toString(), "42", 1000);
        LogChunk chunk = follower.poll(host, cursor);
        assertEquals(LogChunk.Restart.MISSING, chunk.restart());
        assertEquals(cursor, chunk.advance(cursor));
    }

    @Test
    void offsets_count_bytes_exactly_even_for_invalid_utf8() throws IOException {
        Path log = dir.resolve("error.log");
        Files.createFile(log);
        LogCursor cursor = new LogCursor("edge-local", log.toString(),
                String.valueOf(Files.getAttribute(log, "unix:ino")), 0);
        byte[] raw = {'a', (byte) 0xff, (byte) 0xc3, '\n', 'b'};
        Files.write(log, raw);
        LogChunk chunk = follower.poll(host, cursor);
        assertArrayEquals(raw, chunk.bytes());
        assertEquals(4, chunk.consumed());
    }

    @Test
    void a_big_backlog_is_read_in_capped_chunks_that_end_on_line_boundaries() throws IOException {
        Path log = dir.resolve("error.log");
        Files.createFile(log);
        LogFollower small = new LogFollower(1000, Duration.ofSeconds(10));
        LogCursor cursor = new LogCursor("edge-local", log.toString(),
                String.valueOf(Files.getAttribute(log, "unix:ino")), 0);
        SeedLines.append(log, SeedLines.LINES.toArray(String[]::new));
        StringBuilder read = new StringBuilder();
        int polls = 0;
        LogChunk chunk;
        do {
            chunk = small.poll(host, cursor);
            assertTrue(chunk.bytes().length <= 1000);
            read.append(text(chunk));
            cursor = chunk.advance(cursor);
            polls++;
        } while (chunk.hasMore());
        assertEquals(Files.readString(log), read.toString());
        assertTrue(polls > 1, "the 25 lines need several 1000-byte chunks, took " + polls);
        assertFalse(small.poll(host, cursor).hasMore());
    }

    @Test
    void a_path_full_of_shell_syntax_is_read_literally_and_runs_nothing() throws IOException {
        String canaryName = "watch-canary-" + ProcessHandle.current().pid();
        Path canary = Path.of(canaryName).toAbsolutePath();
        Path odd = dir.resolve("it's $(touch " + canaryName + ") `touch " + canaryName + "`;\ntouch " + canaryName
                + " x.log");
        SeedLines.append(odd, SeedLines.RESET_HEADER_8080);
        LogCursor cursor = new LogCursor("edge-local", odd.toString(),
                String.valueOf(Files.getAttribute(odd, "unix:ino")), 0);
        LogChunk chunk = follower.poll(host, cursor);
        assertEquals(SeedLines.RESET_HEADER_8080 + "\n", text(chunk));
        assertFalse(Files.exists(canary) || Files.exists(dir.resolve(canaryName)),
                "the path's shell syntax ran: " + Arrays.toString(dir.toFile().list()));
    }
}
