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
            restart web-1         | UnknownSubcommand[given=restart]
            diagnose              | Unusable[problem=diagnose takes one inventory host: `diagnose <host>`]
            diagnose web-1 web-2  | Unusable[problem=diagnose takes one inventory host: `diagnose <host>`]
            history               | Unusable[problem=history takes one inventory host: `history <host>`]
            status now            | Unusable[problem=status takes no arguments: `status`]
            diagnose WEB-1        | UnknownHost[given=WEB-1, closeMatches=[web-1, web-2]]
            diagnose db-9         | UnknownHost[given=db-9, closeMatches=[]]
            diagnose edge-lb-1    | UnknownHost[given=edge-lb-1, closeMatches=[edge-lb-1.example.com]]
            rollback              | Unusable[problem=rollback takes one change id: `rollback <change-id>` (the id is in the message of the applied change, and in `history <host>`)]
            rollback $(reboot)    | Unusable[problem="$(reboot)" is not a change id (letters, digits, '.', '_' and '-', at most 64); find it in `history <host>`]
            """)
    void refuses_what_it_does_not_know_and_says_what_is_wrong(String text, String refusal) {
        MedicCommand parsed = parser.parse(text);
        assertEquals(refusal, parsed.toString());
        assertEquals(true, parsed instanceof MedicCommand.Refused);
    }

    @org.junit.jupiter.api.Test
    void suggests_at_most_three_close_hosts_and_lists_the_inventory_sorted() {
        Set<String> many = new java.util.TreeSet<>();
        for (int i = 10; i < 60; i++) {
            many.add("web-" + i);
        }
        CommandParser parser = new CommandParser(many);
        assertEquals(new MedicCommand.UnknownHost("web-1", java.util.List.of("web-10", "web-11", "web-12")),
                parser.parse("diagnose web-1"));
        assertEquals(50, parser.hosts().size());
        assertEquals("web-10", parser.hosts().get(0));
    }
}
