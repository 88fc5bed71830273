package medic.slack.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

    private final CommandParser parser = new CommandParser(Set.of("web-1", "web-2", "edge-lb-1.example.com"));

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            diagnose web-1                                 | Diagnose[host=web-1]
            '  diagnose   web-2 '                          | Diagnose[host=web-2]
            Diagnose web-1                                 | Diagnose[host=web-1]
            'diagnose <http://edge-lb-1.example.com|edge-lb-1.example.com>' | Diagnose[host=edge-lb-1.example.com]
            status                                         | Status[]
            history web-2                                  | History[host=web-2]
            rollback chg-7                                 | Rollback[changeId=chg-7]
            rollback 20250501.1002_web-1                   | Rollback[changeId=20250501.1002_web-1]
            help                                           | Help[]
            ''                                             | Help[]
            """)
    void reads_the_subcommands_medic_knows(String text, String expected) {
        assertEquals(expected, parser.parse(text).toString());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            restart web-1         | unknown subcommand "restart"; medic knows: diagnose <host>, status, history <host>, rollback <change-id>, help
            diagnose              | diagnose takes one inventory host: `diagnose <host>`
            diagnose web-1 web-2  | diagnose takes one inventory host: `diagnose <host>`
            history               | history takes one inventory host: `history <host>`
            status now            | status takes no arguments: `status`
            diagnose WEB-1        | no host "WEB-1" in the inventory; did you mean web-1 or web-2?\\nHosts: edge-lb-1.example.com, web-1, web-2
            diagnose db-9         | no host "db-9" in the inventory\\nHosts: edge-lb-1.example.com, web-1, web-2
            diagnose edge-lb-1    | no host "edge-lb-1" in the inventory; did you mean edge-lb-1.example.com?\\nHosts: edge-lb-1.example.com, web-1, web-2
            rollback              | rollback takes one change id: `rollback <change-id>` (the id is in the message of the applied change, and in `history <host>`)
            rollback $(reboot)    | "$(reboot)" is not a change id (letters, digits, '.', '_' and '-', at most 64); find it in `history <host>`
            """)
    void refuses_what_it_does_not_know_and_says_what_exists(String text, String problem) {
        assertEquals(new MedicCommand.Unusable(problem.replace("\\n", "\n")), parser.parse(text));
    }

    @org.junit.jupiter.api.Test
    void lists_at_most_twenty_hosts_and_counts_the_rest() {
        Set<String> many = new java.util.TreeSet<>();
        for (int i = 10; i < 60; i++) {
            many.add("web-" + i);
        }
        MedicCommand parsed = new CommandParser(many).parse("diagnose db-1");
        assertEquals("no host \"db-1\" in the inventory\nHosts: web-10, web-11, web-12, web-13, web-14, web-15, "
                + "web-16, web-17, web-18, web-19, web-20, web-21, web-22, web-23, web-24, web-25, web-26, web-27, "
                + "web-28, web-29 and 30 more", ((MedicCommand.Unusable) parsed).problem());
    }
}
