package medic.nginx.redact;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets passed as command-line arguments, as they appear in shell history, {@code ps} output and deploy
 * logs: {@code --password hunter2}, {@code curl -u user:pass}, {@code mysql -pSecret},
 * {@code redis-cli -a secret}, {@code sshpass -p secret}. The {@code --name=value} form is a named value.
 *
 * <p>Each form is found from a literal anchor with {@code indexOf} and matched there, anchored.
 */
final class CommandLines {

    /**
     * @param anchor    literal where the form starts (after a blank, for flags)
     * @param nameGroup group holding the flag name whose kind names the mask, or 0 for a password
     */
    private record Form(String anchor, boolean afterBlank, Pattern pattern, int nameGroup) {}

    private static final String VALUE = "(\"[^\"\\n]{1,1024}+\"|'[^'\\n]{1,1024}+'|[^\\s\"']{1,1024}+)";

    private static final List<Form> FORMS = List.of(
            new Form("-", true, Pattern.compile("--?((?:[a-z]{1,20}+-)?(?:password|passwd|pass|pwd|passphrase|token"
                    + "|secret|api-key|apikey))[ \\t]++(?!-)" + VALUE), 1),
            new Form("-", true, Pattern.compile("(?:-u|--user|--proxy-user)[ \\t]++['\"]?+[^\\s:'\"]{1,128}+:"
                    + "([^\\s'\"]{1,256}+)"), 0),
            new Form("mysql", false, Pattern.compile("mysql(?:dump|admin)?+\\b[^\\n]{0,512}?\\s-p([^\\s'\"]{1,256}+)"), 0),
            new Form("redis-cli", false, Pattern.compile("redis-cli\\b[^\\n]{0,512}?\\s-a[ \\t]++([^\\s'\"]{1,256}+)"), 0),
            new Form("sshpass", false, Pattern.compile("sshpass[ \\t]++-p[ \\t]*+([^\\s'\"]{1,256}+)"), 0));

    private CommandLines() {}

    static void collect(String text, Edits edits) {
        for (Form form : FORMS) {
            Matcher matcher = null;
            for (int at = text.indexOf(form.anchor()); at >= 0; at = text.indexOf(form.anchor(), at + 1)) {
                if (form.afterBlank() && (at == 0 || !NamedValues.isBlank(text.charAt(at - 1)))) {
                    continue;
                }
                matcher = matcher == null ? form.pattern().matcher(text) : matcher;
                matcher.region(at, Math.min(text.length(), at + 2048));
                if (matcher.lookingAt()) {
                    mask(matcher, form.nameGroup(), edits);
                }
            }
        }
    }

    private static void mask(Matcher matcher, int nameGroup, Edits edits) {
        int valueGroup = nameGroup == 0 ? 1 : 2;
        int start = matcher.start(valueGroup);
        int end = matcher.end(valueGroup);
        String value = matcher.group(valueGroup);
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            start++;
            end--;
            value = value.substring(1, value.length() - 1);
        }
        if (Values.isPlaceholder(value) || Values.startsWithReference(value)
                || value.chars().allMatch(Character::isDigit)) {
            return;
        }
        edits.mask(start, end, nameGroup == 0 ? SecretKind.PASSWORD : SecretNames.kindFor(matcher.group(nameGroup)));
    }
}
