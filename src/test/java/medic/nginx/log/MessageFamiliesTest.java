package medic.nginx.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageFamiliesTest {

    static Stream<Arguments> families() {
        return Fixtures.lines("families.tsv").stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split("\t", 4))
            .map(f -> Arguments.of(FailureClass.valueOf(f[0]), LogLevel.valueOf(f[1]), Phase.valueOf(f[2]), f[3]));
    }

    @ParameterizedTest(name = "{0} at {1} {2}")
    @MethodSource("families")
    void classifies_each_message_family_by_text_phase_and_level(FailureClass expected, LogLevel level, Phase phase,
                                                               String line) {
        LineResult result = ErrorLogParser.parse(line, 7);

        assertEquals(LineKind.PARSED, result.kind(), result.problem());
        ErrorLogLine entry = result.line();
        assertEquals(expected, entry.failureClass());
        assertEquals(level, entry.level());
        assertEquals(phase, entry.phase());
        assertEquals(7, entry.lineNumber());
    }

    @Test
    void the_table_covers_every_failure_class() {
        Set<FailureClass> covered = families().map(a -> (FailureClass) a.get()[0]).collect(Collectors.toSet());

        assertEquals(EnumSet.allOf(FailureClass.class), covered);
    }

    @Test
    void bsd_errno_54_is_classified_like_linux_104() {
        String linux = Fixtures.captured("*1 recv()");
        String bsd = linux.replace("(104: ", "(54: ");

        assertEquals(FailureClass.RESET_READING_HEADER, ErrorLogParser.parse(bsd, 1).failureClass());
        assertEquals(ErrorLogParser.parse(linux, 1).failureClass(), ErrorLogParser.parse(bsd, 1).failureClass());
    }

    @Test
    void the_same_upgraded_reset_is_the_upstream_at_error_and_the_client_at_info() {
        String upstreamSide = Fixtures.captured("*34 recv()");
        String clientSide = upstreamSide.replace("[error]", "[info]");

        assertEquals(FailureClass.RESET_UPGRADED_UPSTREAM, ErrorLogParser.parse(upstreamSide, 1).failureClass());
        assertEquals(FailureClass.RESET_UPGRADED_CLIENT, ErrorLogParser.parse(clientSide, 1).failureClass());
    }

    @Test
    void only_attempts_that_failed_at_the_upstream_count_as_upstream_failures() {
        Set<FailureClass> notFailures = Arrays.stream(FailureClass.values())
            .filter(c -> !c.isUpstreamFailure()).collect(Collectors.toSet());

        assertEquals(EnumSet.of(FailureClass.RESET_UPGRADED_CLIENT, FailureClass.TUNNEL_IDLE_TIMEOUT,
            FailureClass.SERVER_DISABLED, FailureClass.WORKER_CONNECTIONS, FailureClass.OTHER), notFailures);
        assertTrue(Arrays.stream(FailureClass.values()).noneMatch(c -> c.label().isBlank()));
    }

    @Test
    void a_phase_cut_at_the_line_limit_is_recognised_only_when_unambiguous() {
        assertEquals(Phase.PROXYING_UPGRADED, Phase.fromCutAction("proxying upgr"));
        assertEquals(Phase.READING_RESPONSE_HEADER, Phase.fromCutAction("reading resp"));
        assertEquals(Phase.NONE, Phase.fromCutAction("reading "));
        assertEquals(Phase.NONE, Phase.fromCutAction(""));
        assertEquals(Phase.NONE, Phase.fromAction("reading client request headers"));
    }
}
