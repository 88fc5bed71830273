package medic.slack.command;

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

    /** A line medic refuses; {@code problem} says what is wrong and lists what exists. */
    record Unusable(String problem) implements MedicCommand {
        public String request() {
            return "?";
        }
    }
}
