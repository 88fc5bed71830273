package medic.slack.command;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text after {@code /medic} strictly: a known subcommand with exactly its arguments, hosts that
 * exist in the inventory, change ids of a plain shape. Anything else becomes a {@link MedicCommand.Refused} that
 * says what was wrong.
 */
public final class CommandParser {

    private static final Pattern CHANGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    // Slack may turn a typed domain name into a link, <http://web-1.example.com|web-1.example.com>.
    private static final Pattern LINK = Pattern.compile("<(?:https?://|mailto:)?[^|<>]*\\|([^|<>]+)>");

    private final HostNames hosts;

    public CommandParser(Set<String> inventoryHosts) {
        this.hosts = new HostNames(inventoryHosts);
    }

    /** The inventory's host names, sorted (what an unknown host's reply lists). */
    public List<String> hosts() {
        return hosts.all();
    }

    public MedicCommand parse(String text) {
        List<String> words = text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.strip().split("\\s+")).map(CommandParser::unlinked).toList();
        if (words.isEmpty()) {
            return new MedicCommand.Help();
        }
        String subcommand = words.get(0).toLowerCase(Locale.ROOT);
        List<String> arguments = words.subList(1, words.size());
        return switch (subcommand) {
            case "help" -> new MedicCommand.Help();
            case "status" -> arguments.isEmpty() ? new MedicCommand.Status()
                    : new MedicCommand.Unusable("status takes no arguments: `status`");
            case "diagnose" -> host(subcommand, arguments, MedicCommand.Diagnose::new);
            case "history" -> host(subcommand, arguments, MedicCommand.History::new);
            case "rollback" -> rollback(arguments);
            default -> new MedicCommand.UnknownSubcommand(words.get(0));
        };
    }

    private MedicCommand host(String subcommand, List<String> arguments,
                              java.util.function.Function<String, MedicCommand> command) {
        if (arguments.size() != 1) {
            return new MedicCommand.Unusable(subcommand + " takes one inventory host: `" + subcommand + " <host>`");
        }
        String host = arguments.get(0);
        return hosts.contains(host) ? command.apply(host) : new MedicCommand.UnknownHost(host, hosts.closeTo(host));
    }

    private static MedicCommand rollback(List<String> arguments) {
        if (arguments.size() != 1) {
            return new MedicCommand.Unusable("rollback takes one change id: `rollback <change-id>` (the id is in "
                    + "the message of the applied change, and in `history <host>`)");
        }
        String changeId = arguments.get(0);
        if (!CHANGE_ID.matcher(changeId).matches()) {
            return new MedicCommand.Unusable("\"" + changeId + "\" is not a change id (letters, digits, '.', '_' "
                    + "and '-', at most 64); find it in `history <host>`");
        }
        return new MedicCommand.Rollback(changeId);
    }

    private static String unlinked(String word) {
        Matcher link = LINK.matcher(word);
        return link.matches() ? link.group(1) : word;
    }
}
