package medic.nginx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorLogParserTest {

    private static ErrorLogLine parsed(String line) {
        LineResult result = ErrorLogParser.parse(line, 1);
        assertEquals(LineKind.PARSED, result.kind(), result.problem());
        return result.line();
    }

    @Test
    void splits_every_field_of_a_captured_reset_line() {
        ErrorLogLine line = parsed(Fixtures.captured("*1 recv()"));

        assertEquals(LocalDateTime.of(2026, 11, 23, 22, 52, 3), line.timestamp());
        assertEquals(LogLevel.ERROR, line.level());
        assertEquals(4996, line.pid());
        assertEquals(4996, line.tid());
        assertEquals(1, line.connection());
        assertEquals("recv() failed (104: Connection reset by peer)", line.message());
        assertEquals("reading response header from upstream", line.action());
        assertEquals("127.0.0.1", line.client());
        assertEquals("api.example.com", line.server());
        assertEquals(new RequestLine("GET /reset HTTP/1.1", "GET", "/reset", "HTTP/1.1"), line.request());
        assertEquals("", line.subrequest());
        assertEquals("http://127.0.0.1:9001/reset", line.upstream());
        assertEquals("127.0.0.1:9001", line.upstreamPeer());
        assertEquals("api.example.com", line.host());
        assertEquals("", line.referrer());
    }

    @Test
    void keeps_quotes_inside_a_referrer_as_nginx_wrote_them() {
        ErrorLogLine line = parsed(Fixtures.captured("*3 recv()"));

        assertEquals("https://app.example.com/page?a=\"quoted\"", line.referrer());
        assertEquals("/reset?x=1", line.request().uri());
        assertEquals("/reset", line.request().path());
        assertEquals("api.example.com", line.host());
    }

    @Test
    void reads_an_empty_server_name() {
        ErrorLogLine line = parsed(Fixtures.captured("*28 recv()"));

        assertEquals("", line.server());
        assertEquals("127.0.0.1:8089", line.host());
        assertEquals("GET / HTTP/1.1", line.request().raw());
    }

    @Test
    void reads_ipv6_clients() {
        assertEquals("::1", parsed(Fixtures.captured("*26 recv()")).client());
        String full = Fixtures.captured("*26 recv()").replace("client: ::1", "client: 2001:db8::7");
        assertEquals("2001:db8::7", parsed(full).client());
    }

    @Test
    void reads_the_subrequest_that_proxied() {
        ErrorLogLine line = parsed(Fixtures.captured("*30 recv()"));

        assertEquals("/auth", line.subrequest());
        assertEquals("/protected/page", line.request().path());
        assertEquals("http://127.0.0.1:9001/auth", line.upstream());
        assertEquals(new RequestKey("api.example.com", "api.example.com", "GET", "/auth"), RequestKey.of(line));
    }

    @Test
    void names_the_upstream_group_for_no_live_upstreams() {
        assertEquals("ws_backend", parsed(Fixtures.captured("*24 no live")).upstreamPeer());
        String briefForm = Fixtures.captured("*24 no live").replace("http://ws_backend/pool/x", "ws_backend");
        assertEquals("ws_backend", parsed(briefForm).upstream());
        assertEquals("ws_backend", parsed(briefForm).upstreamPeer());
    }

    @Test
    void derives_the_peer_of_unix_socket_and_ipv6_upstreams() {
        assertEquals("unix:/run/php/php-fpm.sock", ErrorLogLine.peerOf("fastcgi://unix:/run/php/php-fpm.sock:"));
        assertEquals("unix:/tmp/app.sock", ErrorLogLine.peerOf("http://unix:/tmp/app.sock:/ws/chat"));
        assertEquals("[::1]:8080", ErrorLogLine.peerOf("http://[::1]:8080/ws"));
        assertEquals("", ErrorLogLine.peerOf(""));
    }

    @Test
    void reads_lines_without_a_connection_or_request_context() {
        ErrorLogLine line = parsed("2026/11/23 03:42:17 [alert] 1234#1234: 1024 worker_connections are not enough");

        assertEquals(-1, line.connection());
        assertFalse(line.hasConnection());
        assertFalse(line.hasClient());
        assertEquals("1024 worker_connections are not enough", line.message());
        assertEquals(RequestLine.NONE, line.request());
    }

    @Test
    void reads_the_listening_address_as_server_when_there_is_no_request() {
        ErrorLogLine line = parsed("2026/11/23 22:51:46 [info] 4794#4794: *65 client closed connection while "
            + "waiting for request, client: 127.0.0.1, server: 127.0.0.1:8088");

        assertEquals("127.0.0.1:8088", line.server());
        assertEquals("client closed connection", line.message());
        assertEquals("waiting for request", line.action());
        assertEquals(Phase.NONE, line.phase());
    }

    @Test
    void ignores_a_crlf_line_end() {
        String line = Fixtures.captured("*1 recv()");

        assertEquals(parsed(line), ErrorLogParser.parse(line + "\r\n", 1).line());
    }

    @Test
    void classifies_a_line_cut_at_2047_bytes_as_truncated_but_keeps_its_class() {
        String cut = Fixtures.captured("*32 recv()");
        assertEquals(ErrorLogParser.MAX_LINE_BYTES, cut.getBytes(StandardCharsets.UTF_8).length);

        LineResult result = ErrorLogParser.parse(cut, 3);

        assertEquals(LineKind.TRUNCATED, result.kind());
        assertEquals(FailureClass.RESET_READING_HEADER, result.failureClass());
        assertEquals("GET", result.line().request().method());
        assertTrue(result.line().request().uri().startsWith("/reset/aaaa"));
        assertEquals("", result.line().request().protocol());
        assertEquals("", result.line().upstream());
        assertTrue(result.problem().contains("request"), result.problem());
    }

    @Test
    void treats_a_complete_looking_line_of_exactly_2047_bytes_as_cut() {
        String base = Fixtures.captured("*3 recv()");
        String padded = base.replace("?a=\"quoted\"", "?a=" + "x".repeat(2047 - base.length() + 8));
        assertEquals(2047, padded.length());

        LineResult result = ErrorLogParser.parse(padded, 1);

        assertEquals(LineKind.TRUNCATED, result.kind());
        assertEquals(FailureClass.RESET_READING_HEADER, result.failureClass());
    }

    @Test
    void counts_a_line_cut_inside_a_quoted_field_or_a_field_name_as_truncated() {
        String line = Fixtures.captured("*7 upstream prematurely");
        String inHost = line.substring(0, line.indexOf("host: \"") + 10);
        String inName = line.substring(0, line.indexOf(", host: ") + 4);
        String inClient = line.substring(0, line.indexOf("client: ") + 12);

        assertEquals("api", ErrorLogParser.parse(inHost, 1).line().host());
        assertEquals(LineKind.TRUNCATED, ErrorLogParser.parse(inHost, 1).kind());
        assertEquals(LineKind.TRUNCATED, ErrorLogParser.parse(inName, 1).kind());
        assertEquals("http://127.0.0.1:9003/fin", ErrorLogParser.parse(inName, 1).line().upstream());
        assertEquals(LineKind.TRUNCATED, ErrorLogParser.parse(inClient, 1).kind());
        for (String cut : List.of(inHost, inName, inClient)) {
            assertEquals(FailureClass.PREMATURELY_CLOSED, ErrorLogParser.parse(cut, 1).failureClass());
        }
    }

    @Test
    void strips_syslog_headers_in_front_of_nginx_lines() {
        String line = Fixtures.captured("*1 recv()");

        for (String header : List.of("<163>Nov 23 22:52:03 web1 nginx: ", "Nov 23 22:52:03 web1 nginx: ",
            "2026-11-23T22:52:03.104+00:00 web1 nginx[4996]: ")) {
            LineResult result = ErrorLogParser.parse(header + line, 1);
            assertEquals(LineKind.PARSED, result.kind(), header);
            assertTrue(result.syslogPrefixed());
            assertEquals(parsed(line), result.line());
        }
    }

    @Test
    void calls_lines_that_break_the_prefix_garbled_and_says_why() {
        String line = Fixtures.captured("*1 recv()");

        assertGarbled(line.replace("[error]", "[eror]"), "[eror]");
        assertGarbled(line.replace("2026/11/23", "2026/13/45"), "not a valid date");
        assertGarbled(line.replace("4996#4996: ", ""), "PID#TID");
        assertGarbled(line.replace("22:52:03", "22-52-03"), "YYYY/MM/DD HH:MM:SS");
        assertGarbled("\0\0\0" + line, "does not start with");
        assertGarbled(line.substring(0, 15), "YYYY/MM/DD HH:MM:SS");
        assertGarbled("2026/11/23 22:52:03 [error] 4996#4996: ", "no message");
        assertGarbled(line.replace("4996#4996", "99999999999999999999#1"), "PID#TID");
        assertEquals(-1, ErrorLogParser.parse(line.replace("*1 ", "*99999999999999999999 "), 1).line().connection());
    }

    private static void assertGarbled(String line, String because) {
        LineResult result = ErrorLogParser.parse(line, 9);
        assertEquals(LineKind.GARBLED, result.kind(), line);
        assertTrue(result.problem().contains(because), result.problem());
        assertNull(result.line());
        assertEquals(FailureClass.OTHER, result.failureClass());
    }

    @Test
    void never_fails_on_a_line_cut_at_any_byte_and_keeps_the_entry_once_the_message_starts() {
        for (String line : Fixtures.lines("nginx-1.22.1-captured.log")) {
            Matcher prefix = Pattern.compile("^.{19} \\[\\w+] \\d+#\\d+: (\\*\\d+ )?").matcher(line);
            assertTrue(prefix.find(), line);
            int messageStart = prefix.end();
            for (int cut = 0; cut <= line.length(); cut++) {
                LineResult result = ErrorLogParser.parse(line.substring(0, cut), 1);
                if (cut > messageStart) {
                    assertTrue(result.kind().hasEntry(), cut + ": " + result.problem());
                } else {
                    assertFalse(result.kind().hasEntry(), cut + ": " + line.substring(0, cut));
                }
            }
        }
    }

    @Test
    void debug_and_notice_lines_are_never_failures() {
        String reset = Fixtures.captured("*1 recv()");

        assertEquals(FailureClass.OTHER, ErrorLogParser.parse(reset.replace("[error]", "[notice]"), 1).failureClass());
        assertEquals(FailureClass.OTHER, ErrorLogParser.parse(reset.replace("[error]", "[debug]"), 1).failureClass());
    }

    @Test
    void calls_other_programs_output_foreign() {
        for (String line : List.of(
            "Exception in thread \"main\" java.lang.IllegalStateException: pool exhausted",
            "\tat com.example.gateway.App.main(App.java:42)",
            "127.0.0.1 - - [23/Nov/2026:22:52:03 +0000] \"GET / HTTP/1.1\" 502 157 \"-\" \"curl/7.88.1\"",
            "Nov 23 22:52:03 web1 systemd[1]: Started nginx.service - A high performance web server.",
            "{\"level\":\"error\",\"msg\":\"connection reset\"}",
            "12345")) {
            assertEquals(LineKind.FOREIGN, ErrorLogParser.parse(line, 1).kind(), line);
        }
    }

    @Test
    void calls_empty_and_whitespace_lines_blank() {
        assertEquals(LineKind.BLANK, ErrorLogParser.parse("", 1).kind());
        assertEquals(LineKind.BLANK, ErrorLogParser.parse("  \t\r\n", 1).kind());
    }

    @Test
    void parses_utf8_bytes_and_replaces_invalid_ones() {
        String line = Fixtures.captured("*1 recv()") + ", referrer: \"https://app.example.com/café/";
        byte[] bytes = (line).getBytes(StandardCharsets.UTF_8);
        byte[] withInvalid = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withInvalid, 0, bytes.length);
        withInvalid[bytes.length] = (byte) 0xff;
        withInvalid[bytes.length + 1] = '"';

        LineResult result = ErrorLogParser.parse(withInvalid, 0, withInvalid.length, 4);

        assertEquals(LineKind.PARSED, result.kind(), result.problem());
        assertEquals("https://app.example.com/café/\uFFFD", result.line().referrer());
    }

    @Test
    void does_not_parse_lines_longer_than_anything_nginx_writes() {
        String huge = "x".repeat(ErrorLogParser.MAX_PARSED_CHARS + 1);

        assertEquals(LineKind.FOREIGN, ErrorLogParser.parse(huge, 1).kind());
        assertEquals(LineKind.GARBLED, ErrorLogParser.parse("2026/" + huge, 1).kind());
    }

    @Test
    void splits_request_lines_of_unusual_shape() {
        assertEquals(new RequestLine("GET /", "GET", "/", ""), RequestLine.parse("GET /"));
        assertEquals(new RequestLine("\u0016\u0003\u0001", "", "", ""), RequestLine.parse("\u0016\u0003\u0001"));
        assertEquals("/a b", RequestLine.parse("GET /a b HTTP/1.1").uri());
        assertEquals(RequestLine.NONE, RequestLine.parse(""));
    }

    @Test
    void reads_stream_module_fields_after_the_upstream() {
        ErrorLogLine line = parsed("2026/11/23 03:42:17 [error] 1234#1234: *5 recv() failed (104: Connection reset "
            + "by peer) while proxying and reading from upstream, client: 203.0.113.45, server: 0.0.0.0:443, "
            + "upstream: \"10.0.0.12:443\", bytes from/to client:517/0, bytes from/to upstream:0/517");

        assertEquals("10.0.0.12:443", line.upstream());
        assertEquals("0.0.0.0:443", line.server());
        assertEquals(FailureClass.OTHER, line.failureClass());
    }
}
