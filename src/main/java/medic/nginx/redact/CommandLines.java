package medic.nginx.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets passed as command-line arguments, as they appear in shell history, {@code ps} output and deploy
 * logs: {@code --password hunter2}, {@code curl -u user:pass}, {@code mysql -pSecret},
 * {@code redis-cli -a secret}, {@code sshpass -p secret}. The {@code --name=value} form is a named value.
 */
final class CommandLines {

    /** @param trigger literal the text must contain; @param nameGroup group holding the flag name, or 0 */
    private record Flag(String trigger, Pattern pattern, int nameGroup, SecretKind kind) {}

    private static final String VALUE = "(\"[^\"\\n]{1,1024}+\"|'[^'\\n]{1,1024}+'|[^\\s\"']{1,1024}+)";

    private static final List<Flag> FLAGS = List.of(
            new Flag("-", Pattern.compile("(?<=\\s)--?((?:[a-z]{1,20}+-)?(?:password|passwd|pass|pwd|passphrase|token"
                    + "|secret|api-key|apikey))[ \\t]++(?!-)" + VALUE), 1, SecretKind.PASSWORD),
            new Flag("-u", Pattern.compile("(?<=\\s)(?:-u|--user|--proxy-user)[ \\t]++['\"]?+[^\\s:'\"]{1,128}+:"
                    + "([^\\s'\"]{1,256}+)"), 0, SecretKind.PASSWORD),
            new Flag("mysql", Pattern.compile("\\bmysql(?:dump|admin)?\\b[^\\n]{0,512}?\\s-p([^\\s'\"]{1,256}+)"), 0,
                    SecretKind.PASSWORD),
            new Flag("redis-cli", Pattern.compile("\\bredis-cli\\b[^\\n]{0,512}?\\s-a[ \\t]++([^\\s'\"]{1,256}+)"), 0,
                    SecretKind.PASSWORD),
            new Flag("sshpass", Pattern.compile("\\bsshpass[ \\t]++-p[ \\t]*+([^\\s'\"]{1,256}+)"), 0,
                    SecretKind.PASSWORD));

    private CommandLines() {}

    static void collect(String text, Edits edits) {
        for (Flag flag : FLAGS) {
            if (!text.contains(flag.trigger())) {
                continue;
            }
            Matcher matcher = flag.pattern().matcher(text);
            int valueGroup = flag.nameGroup() == 0 ? 1 : 2;
            while (matcher.find()) {
                int start = matcher.start(valueGroup);
                int end = matcher.end(valueGroup);
                String value = matcher.group(valueGroup);
                if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
                    start++;
                    end--;
                    value = value.substring(1, value.length() - 1);
                }
                if (Values.isPlaceholder(value) || Values.startsWithReference(value) || value.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                SecretKind kind = flag.nameGroup() == 0 ? flag.kind() : SecretNames.kindFor(matcher.group(flag.nameGroup()));
                edits.mask(start, end, kind);
            }
        }
    }
}
