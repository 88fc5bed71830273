package medic.nginx.harden;

import java.util.List;
import medic.nginx.config.Directive;
import medic.nginx.config.Token;

/** Edits inside one directive's words, leaving its name, spacing, comments and semicolon as written. */
final class Edits {
    private Edits() {
    }

    /** Rewrites the arguments from index {@code from} on (the words before stay exactly as written). */
    static Edit replaceArgs(Directive d, List<String> args, int from, int order) {
        List<Token> tokens = d.tokens();
        int first = from + 1;
        String text = NginxText.words(args.subList(Math.min(from, args.size()), args.size()));
        if (first >= tokens.size()) {
            Token last = tokens.get(tokens.size() - 1);
            int end = last.offset() + last.raw().length();
            return Edit.insert(d.file(), end, text.isEmpty() ? "" : " " + text, order);
        }
        Token last = tokens.get(tokens.size() - 1);
        return new Edit(d.file(), tokens.get(first).offset(), last.offset() + last.raw().length(), text, order);
    }

    /** Replaces one word of a directive. */
    static Edit replaceToken(Directive d, Token token, String text, int order) {
        return new Edit(d.file(), token.offset(), token.offset() + token.raw().length(), text, order);
    }

    /** Adds a word after the directive's last word. */
    static Edit appendWord(Directive d, String text, int order) {
        Token last = d.tokens().get(d.tokens().size() - 1);
        return Edit.insert(d.file(), last.offset() + last.raw().length(), " " + text, order);
    }

    /** Adds a word in front of an existing one. */
    static Edit insertBefore(Directive d, Token token, String text, int order) {
        return Edit.insert(d.file(), token.offset(), text + " ", order);
    }
}
