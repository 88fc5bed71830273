package medic.slack.command;

import java.util.List;

/** A {@code /medic} command line, parsed: one of the subcommands, or why the line cannot be used. */
public sealed interface MedicCommand {

    /** The command as people read it, e.g. {@code diagnose web-1}. */
    String request();

    record Diagnose(String host) implements MedicCommand {
        public String request() {
            return "diagnose " + host;
        }
    }

    record Status() implements MedicCommand {
        public String request() {
            return "status";
        }
    }

    record History(String host) implements MedicCommand {
        public String request() {
            return "history " + host;
        }
    }

    record Rollback(String changeId) implements MedicCommand {
        public String request() {
            return "rollback " + changeId;
        }
    }

    record Help() implements MedicCommand {
        public String request() {
            return "help";
        }
    }

    /** A line medic refuses; the reply says what is wrong and what to type instead. */
    sealed interface Refused extends MedicCommand {
        default String request() {
            return "?";
        }
    }

    /** A first word that is no subcommand. */
    record UnknownSubcommand(String given) implements Refused {
    }

    /** A host the inventory does not know; {@code closeMatches} are the names that were probably meant. */
    record UnknownHost(String given, List<String> closeMatches) implements Refused {
    }

    /** Wrong arguments; {@code problem} says what is wrong and what is expected. */
    record Unusable(String problem) implements Refused {
    }
}
