package medic.nginx.redact;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import medic.nginx.redact.ConfigTokenizer.End;
import medic.nginx.redact.ConfigTokenizer.Statement;
import medic.nginx.redact.ConfigTokenizer.Word;

/**
 * Masks secrets that only the configuration's structure reveals: header directives with credential names,
 * {@code set}/{@code map} values of secret-named variables, {@code if} comparisons against them,
 * {@code secure_link} secrets and inline {@code data:} private keys.
 *
 * <p>Paths (ssl_certificate_key, ssl_password_file, auth_basic_user_file, ssl_session_ticket_key) and the
 * {@code auth_basic} realm stay: they name where a secret lives, not the secret.
 */
final class DirectiveSecrets {

    private static final Set<String> HEADER_DIRECTIVES = Set.of("proxy_set_header", "grpc_set_header", "add_header",
            "add_trailer", "fastcgi_param", "uwsgi_param", "scgi_param");
    private static final Set<String> HEADERS_MORE = Set.of("more_set_headers", "more_set_input_headers");
    private static final Set<String> VARIABLE_SETTERS = Set.of("set", "js_var");
    /** Blocks whose entries are data, not directives. */
    private static final Set<String> DATA_BLOCKS = Set.of("types", "geo", "split_clients", "charset_map", "match");
    private static final Set<String> MAP_KEYWORDS = Set.of("default", "hostnames", "include", "volatile");
    private static final Set<String> IF_OPERATORS = Set.of("=", "!=", "~", "~*", "!~", "!~*");

    private DirectiveSecrets() {}

    static void collect(String text, boolean lineMode, Edits edits) {
        Deque<Statement> blocks = new ArrayDeque<>();
        for (Statement statement : ConfigTokenizer.statements(text, lineMode)) {
            switch (statement.end()) {
                case FILE_MARKER -> blocks.clear();
                case BLOCK_CLOSE -> blocks.poll();
                default -> {
                    Statement enclosing = blocks.peek();
                    if (enclosing != null && enclosing.named("map")) {
                        mapEntry(enclosing.words(), statement.words(), edits);
                    } else if (enclosing == null || !isDataBlock(enclosing)) {
                        directive(statement.words(), edits);
                    }
                    if (statement.end() == End.BLOCK_OPEN) {
                        blocks.push(statement);
                    }
                }
            }
        }
    }

    private static boolean isDataBlock(Statement block) {
        return !block.words().isEmpty() && DATA_BLOCKS.contains(block.words().get(0).text());
    }

    private static void directive(List<Word> words, Edits edits) {
        if (words.size() < 2) {
            return;
        }
        String name = words.get(0).text();
        String text = edits.text();
        if (HEADER_DIRECTIVES.contains(name) && words.size() >= 3) {
            String header = words.get(1).text();
            if (SecretNames.isCredentialHeader(header)) {
                Word value = words.get(2);
                CredentialValues.maskHeaderValue(header, text, value.start(), value.end(), edits);
            }
        } else if (HEADERS_MORE.contains(name)) {
            headersMore(words, text, edits);
        } else if (VARIABLE_SETTERS.contains(name) && words.size() >= 3) {
            variableValue(words.get(1).text(), words.get(2), text, edits);
        } else if (name.equals("secure_link_secret")) {
            CredentialValues.maskLiteral(text, words.get(1).start(), words.get(1).end(), SecretKind.SECRET, edits);
        } else if (name.equals("secure_link_md5")) {
            Word expression = words.get(1);
            CredentialValues.maskLiteralRuns(text, expression.start(), expression.end(), SecretKind.SECRET, 1, edits);
        } else if (name.endsWith("certificate_key") && words.get(1).text().startsWith("data:")) {
            Word key = words.get(1);
            CredentialValues.maskLiteral(text, key.start() + "data:".length(), key.end(), SecretKind.PRIVATE_KEY, edits);
        } else if (name.equals("if")) {
            ifCondition(words, text, edits);
        }
    }

    /** {@code more_set_headers [-s codes] [-t types] 'Name: value' ...}. */
    private static void headersMore(List<Word> words, String text, Edits edits) {
        for (int i = 1; i < words.size(); i++) {
            Word word = words.get(i);
            if (word.text().startsWith("-")) {
                i += word.text().equals("-r") ? 0 : 1;
                continue;
            }
            int colon = word.text().indexOf(':');
            if (colon > 0 && SecretNames.isCredentialHeader(word.text().substring(0, colon))) {
                String header = word.text().substring(0, colon);
                CredentialValues.maskHeaderValue(header, text, word.start() + colon + 1, word.end(), edits);
            }
        }
    }

    private static void variableValue(String variable, Word value, String text, Edits edits) {
        if (SecretNames.isSecret(variable)) {
            CredentialValues.maskHeaderValue(variable, text, value.start(), value.end(), edits);
        } else if (Values.looksLikeKey(value.text())) {
            edits.mask(value.start(), value.end(), SecretKind.SECRET);
        }
    }

    /** {@code if ($http_x_api_key != "s3cr3t")}: the literal compared with a secret-named variable. */
    private static void ifCondition(List<Word> words, String text, Edits edits) {
        if (words.size() < 4 || !IF_OPERATORS.contains(words.get(2).text())) {
            return;
        }
        String variable = words.get(1).text();
        variable = variable.startsWith("(") ? variable.substring(1) : variable;
        if (!variable.startsWith("$") || !SecretNames.isSecret(variable)) {
            return;
        }
        Word value = words.get(3);
        int end = value.end();
        if (!value.quoted() && value.text().endsWith(")")) {
            end--;
        }
        CredentialValues.maskHeaderValue(variable, text, value.start(), end, edits);
    }

    /**
     * In {@code map $src $dst { key value; }} the keys are secrets when {@code $src} is one
     * ({@code $http_x_api_key}), the values when {@code $dst} is one, or when a value looks like a key.
     */
    private static void mapEntry(List<Word> header, List<Word> entry, Edits edits) {
        if (header.size() < 3 || entry.isEmpty()) {
            return;
        }
        String source = header.get(1).text();
        String target = header.get(2).text();
        Word key = entry.get(0);
        String text = edits.text();
        if (SecretNames.isSecret(source) && !MAP_KEYWORDS.contains(key.text()) && !key.text().startsWith("$")) {
            int start = key.start();
            while (start < key.end() && (text.charAt(start) == '~' || text.charAt(start) == '*')) {
                start++;
            }
            CredentialValues.maskHeaderValue(source, text, start, key.end(), edits);
        }
        if (entry.size() >= 2 && !key.text().equals("include")) {
            variableValue(target, entry.get(1), text, edits);
        }
    }
}
