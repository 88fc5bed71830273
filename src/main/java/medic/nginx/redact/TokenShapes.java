package medic.nginx.redact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets recognisable by their shape alone, wherever they appear: vendor tokens with fixed prefixes, JWTs,
 * passwords in URLs, Basic/Bearer credentials, webhook URLs and password hashes.
 *
 * <p>Each shape starts with a literal prefix. One pass over the text looks the prefixes up by their first
 * character; only at a hit does the shape's pattern run, anchored there. Running ~35 unanchored patterns
 * instead costs 35 scans of the whole text. Every quantifier is bounded, possessive where the next token
 * cannot belong to the run, so no pattern backtracks more than a few hundred steps.
 */
final class TokenShapes {

    /** Characters that continue a token: a prefix preceded by one of them is the middle of a longer word. */
    private static final String TOKEN_CHARS = "_-";
    private static final int MAX_MATCH = 16 * 1024;

    /**
     * @param prefixes literals the secret starts with
     * @param pattern  matched at a prefix hit, anchored
     * @param group    the capture group to mask (0: the whole match)
     */
    private record Shape(SecretKind kind, List<String> prefixes, Pattern pattern, int group, Predicate<String> accept) {}

    private record Anchor(String prefix, Shape shape, int index) {}

    private static final String B64URL = "[A-Za-z0-9_-]";

    private static final List<Shape> SHAPES = List.of(
            shape(SecretKind.JWT, "eyJ", "eyJ" + B64URL + "{4,4096}+\\." + B64URL + "{4,8192}+(?:\\." + B64URL
                    + "{0,8192}+){0,3}+"),
            shape(SecretKind.AWS_ACCESS_KEY_ID, "AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|AKPA|ANPA|ANVA|AROA|APKA|ASCA",
                    "A[A-Z]{3}[A-Z0-9]{16}(?![A-Za-z0-9])"),
            shape(SecretKind.GITHUB_TOKEN, "ghp_|gho_|ghu_|ghs_|ghr_", "gh[pousr]_[A-Za-z0-9]{36,251}+(?![A-Za-z0-9_])"),
            shape(SecretKind.GITHUB_TOKEN, "github_pat_", "github_pat_[A-Za-z0-9_]{22,255}+"),
            shape(SecretKind.GITLAB_TOKEN, "glpat-|glptt-|gldt-|glrt-|glsoat-|glcbt-|glimt-|glft-|glagent-|gloas-",
                    "gl[a-z]{1,5}+-[A-Za-z0-9_-]{20,255}+"),
            shape(SecretKind.SLACK_TOKEN, "xoxa-|xoxb-|xoxe-|xoxp-|xoxo-|xoxs-|xoxr-", "xox[a-z]-[A-Za-z0-9-]{10,255}+"),
            shape(SecretKind.SLACK_TOKEN, "xapp-", "xapp-[0-9]-[A-Za-z0-9-]{10,255}+"),
            shape(SecretKind.WEBHOOK_URL, "hooks.slack.com/", "hooks\\.slack\\.com/(?:services|workflows|triggers)/"
                    + "([A-Za-z0-9/_-]{8,255}+)", 1),
            shape(SecretKind.WEBHOOK_URL, "discord.com/api/webhooks/|discordapp.com/api/webhooks/",
                    "discord(?:app)?\\.com/api/webhooks/([0-9]{5,30}+/[A-Za-z0-9_-]{20,255}+)", 1),
            shape(SecretKind.WEBHOOK_URL, "webhook.office.com/webhookb2/",
                    "webhook\\.office\\.com/webhookb2/([A-Za-z0-9@/_-]{20,512}+)", 1),
            shape(SecretKind.STRIPE_KEY, "sk_live_|sk_test_|rk_live_|rk_test_", "[sr]k_(?:live|test)_[A-Za-z0-9]{10,247}+"),
            shape(SecretKind.STRIPE_KEY, "whsec_", "whsec_[A-Za-z0-9+/=]{20,255}+"),
            shape(SecretKind.GOOGLE_API_KEY, "AIza", "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"),
            shape(SecretKind.GOOGLE_OAUTH, "ya29.", "ya29\\.[0-9A-Za-z_-]{20,2048}+"),
            shape(SecretKind.GOOGLE_OAUTH, "GOCSPX-", "GOCSPX-[A-Za-z0-9_-]{20,64}+"),
            shape(SecretKind.NPM_TOKEN, "npm_", "npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])"),
            shape(SecretKind.SENDGRID_KEY, "SG.", "SG\\.[A-Za-z0-9_-]{16,64}+\\.[A-Za-z0-9_-]{16,128}+"),
            shape(SecretKind.TWILIO_KEY, "SK", "SK[0-9a-fA-F]{32}(?![A-Za-z0-9])"),
            shape(SecretKind.AI_API_KEY, "sk-", "sk-[A-Za-z0-9_-]{20,255}+", 0, TokenShapes::hasDigit),
            shape(SecretKind.API_KEY, "key-", "key-[0-9a-f]{32}(?![0-9a-zA-Z])"),
            shape(SecretKind.API_KEY, "AGE-SECRET-KEY-1", "AGE-SECRET-KEY-1[0-9A-Z]{58}"),
            shape(SecretKind.API_KEY, "NRAK-", "NRAK-[A-Z0-9]{27}"),
            shape(SecretKind.API_KEY, "PMAK-", "PMAK-[a-f0-9]{24}-[a-f0-9]{34}"),
            shape(SecretKind.API_KEY, "dapi", "dapi[a-f0-9]{32}(?:-[0-9])?+"),
            shape(SecretKind.API_KEY, "lin_api_", "lin_api_[A-Za-z0-9]{40}"),
            shape(SecretKind.CLOUD_TOKEN, "hvs.|hvb.|hvr.", "hv[sbr]\\.[A-Za-z0-9_-]{24,255}+"),
            shape(SecretKind.CLOUD_TOKEN, "dop_v1_|doo_v1_|dor_v1_", "do[por]_v1_[a-f0-9]{64}"),
            shape(SecretKind.CLOUD_TOKEN, "dckr_pat_", "dckr_pat_[A-Za-z0-9_-]{20,255}+"),
            shape(SecretKind.CLOUD_TOKEN, "shpat_|shpca_|shppa_|shpss_", "shp[a-z]{2}_[a-fA-F0-9]{32}"),
            shape(SecretKind.CLOUD_TOKEN, "pypi-AgE", "pypi-AgE[A-Za-z0-9_-]{50,1024}+"),
            shape(SecretKind.CLOUD_TOKEN, "sq0atp-|sq0csp-", "sq0[a-z]{3}-[0-9A-Za-z_-]{22,43}+"),
            shape(SecretKind.CLOUD_TOKEN, "glsa_|glc_", "gl(?:sa|c)_[A-Za-z0-9+/_=-]{32,255}+"),
            shape(SecretKind.URL_PASSWORD, "://", "://[^\\s/?#@:\"'<>]{0,128}+:([^\\s/?#\"'<>]{1,256})@", 1,
                    value -> !Values.startsWithReference(value)),
            shape(SecretKind.BASIC_AUTH, "Basic|basic|BASIC", "(?:Basic|basic|BASIC)[ \\t]{1,4}+([A-Za-z0-9+/]{6,2048}+"
                    + "={0,2}+)(?![A-Za-z0-9+/=$])", 1, TokenShapes::isBasicCredential),
            shape(SecretKind.BEARER_TOKEN, "Bearer|bearer|BEARER", "(?:Bearer|bearer|BEARER)[ \\t]{1,4}+([A-Za-z0-9._~+/=-]{8,4096}+)"
                    + "(?![$])", 1, value -> hasDigit(value) || value.length() >= 24),
            shape(SecretKind.PASSWORD_HASH, "$apr1$|$2a$|$2b$|$2x$|$2y$|$1$|$5$|$6$|$7$|$y$",
                    "\\$[a-z0-9]{1,4}+\\$(?:rounds=[0-9]{1,9}+\\$)?+[./A-Za-z0-9]{1,64}+\\$[./A-Za-z0-9]{8,128}+"),
            shape(SecretKind.PASSWORD_HASH, "{SHA}|{SSHA}|{SHA256}|{SSHA256}|{SHA512}|{SSHA512}|{SMD5}|{MD5}|{CRYPT}",
                    "\\{[A-Z0-9]{3,7}+\\}[A-Za-z0-9+/.$]{8,256}+={0,2}+"));

    /** Anchors by the first two characters of their prefix (all prefixes are ASCII, at least two long). */
    private static final Anchor[][] ANCHORS = anchorTable();

    private TokenShapes() {}

    static void collect(String text, Edits edits) {
        Matcher[] matchers = new Matcher[SHAPES.size()];
        // Shapes found by their context (Bearer x, ://user:x@) are added last, so that where the same value is
        // also a vendor token, the vendor's kind names the mask.
        List<int[]> inContext = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i + 1 < n; i++) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            Anchor[] anchors = c < 128 && d < 128 ? ANCHORS[c << 7 | d] : null;
            if (anchors == null) {
                continue;
            }
            for (Anchor anchor : anchors) {
                if (text.startsWith(anchor.prefix(), i) && startsToken(text, i, anchor.prefix())) {
                    Shape shape = anchor.shape();
                    Matcher matcher = matchers[anchor.index()];
                    if (matcher == null) {
                        matcher = matchers[anchor.index()] = shape.pattern().matcher(text);
                    }
                    matcher.region(i, Math.min(n, i + MAX_MATCH));
                    if (matcher.lookingAt() && shape.accept().test(matcher.group(shape.group()))) {
                        int[] range = {matcher.start(shape.group()), matcher.end(shape.group()), anchor.index()};
                        if (shape.group() == 0) {
                            edits.mask(range[0], range[1], shape.kind());
                        } else {
                            inContext.add(range);
                        }
                    }
                }
            }
        }
        for (int[] range : inContext) {
            edits.mask(range[0], range[1], SHAPES.get(range[2]).kind());
        }
    }

    /** A token prefix must not continue a longer word; URL and hash prefixes start with punctuation and may. */
    private static boolean startsToken(String text, int i, String prefix) {
        if (i == 0 || !Character.isLetterOrDigit(prefix.charAt(0))) {
            return true;
        }
        char before = text.charAt(i - 1);
        return !(Character.isLetterOrDigit(before) || TOKEN_CHARS.indexOf(before) >= 0);
    }

    private static Anchor[][] anchorTable() {
        List<List<Anchor>> byPair = new ArrayList<>();
        for (int pair = 0; pair < 128 * 128; pair++) {
            byPair.add(new ArrayList<>());
        }
        for (int index = 0; index < SHAPES.size(); index++) {
            Shape shape = SHAPES.get(index);
            for (String prefix : shape.prefixes()) {
                byPair.get(prefix.charAt(0) << 7 | prefix.charAt(1)).add(new Anchor(prefix, shape, index));
            }
        }
        Anchor[][] table = new Anchor[128 * 128][];
        for (int pair = 0; pair < table.length; pair++) {
            table[pair] = byPair.get(pair).isEmpty() ? null : byPair.get(pair).toArray(Anchor[]::new);
        }
        return table;
    }

    private static Shape shape(SecretKind kind, String prefixes, String regex) {
        return shape(kind, prefixes, regex, 0);
    }

    private static Shape shape(SecretKind kind, String prefixes, String regex, int group) {
        return shape(kind, prefixes, regex, group, value -> true);
    }

    private static Shape shape(SecretKind kind, String prefixes, String regex, int group, Predicate<String> accept) {
        return new Shape(kind, List.of(prefixes.split("\\|")), Pattern.compile(regex), group, accept);
    }

    private static boolean hasDigit(String value) {
        return value.chars().anyMatch(Character::isDigit);
    }

    /** {@code user:password} in base64, or long enough that it cannot be a word such as {@code realm}. */
    private static boolean isBasicCredential(String value) {
        if (value.length() >= 16) {
            return true;
        }
        String padded = value + "=".repeat((4 - value.length() % 4) % 4);
        try {
            return new String(Base64.getDecoder().decode(padded), StandardCharsets.ISO_8859_1).indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
