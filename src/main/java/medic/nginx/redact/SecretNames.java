package medic.nginx.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Decides from a name (variable, header, parameter, field) whether the value assigned to it is a secret. */
final class SecretNames {

    /** Substrings of the compacted name (lower case, separators removed) that mark a secret. */
    private static final List<String> FRAGMENTS = List.of("password", "passwd", "passphrase", "secret", "token",
            "apikey", "privatekey", "credential", "cookie", "authorization", "signature", "session", "sessid",
            "accesskey", "signingkey", "encryptionkey", "masterkey", "hmac", "jwt", "bearer");

    /** Whole segments (split at _ - . and camelCase) that mark a secret. */
    private static final Set<String> SEGMENTS = Set.of("pass", "pwd", "pw", "auth", "key", "sig", "sid", "otp");

    /** Names that are secrets only as URL query parameters (OAuth codes, CAS tickets). */
    private static final Set<String> QUERY_ONLY = Set.of("code", "ticket");

    /** A last segment that turns the name into metadata about a secret, not the secret itself. */
    private static final Set<String> METADATA_SUFFIXES = Set.of("ttl", "timeout", "expires", "expiry", "expiration",
            "lifetime", "age", "length", "len", "size", "count", "max", "min", "type", "types", "file", "path", "dir",
            "directory", "url", "uri", "endpoint", "name", "format", "algorithm", "alg", "policy", "mode", "version",
            "zone", "cache", "enabled", "enable", "required", "location", "method", "methods", "scope", "hint",
            "field", "domain", "samesite", "secure", "httponly", "store");

    /** nginx directives and common identifiers whose names look secret but never hold one. */
    private static final Set<String> NOT_SECRET = Set.of("proxypass", "fastcgipass", "uwsgipass", "scgipass",
            "grpcpass", "memcachedpass", "servertokens", "sslsessiontickets", "sslsessionticketkey",
            "sslsessioncache", "sslsessiontimeout", "sslcertificatekey", "proxysslcertificatekey",
            "grpcsslcertificatekey", "uwsgisslcertificatekey", "authbasic", "authrequest", "authrequestset",
            "securelink", "proxycachekey", "fastcgicachekey", "uwsgicachekey", "scgicachekey", "cachekey",
            "publickey", "pubkey", "hostkey", "sortkey", "primarykey", "foreignkey", "partitionkey", "routingkey",
            "shardkey", "idempotencykey", "keyval", "keyid", "accesskeyid", "keyusage", "keyalias", "passthrough",
            "bypass", "sessionaffinity", "sessionsticky");

    /** Header names that contain a trigger word but carry no credential. */
    private static final List<String> PUBLIC_HEADER_PREFIXES = List.of("accesscontrol", "wwwauthenticate",
            "proxyauthenticate", "publickeypins", "secwebsocket", "authenticationinfo");

    /** Trigger words for header and parameter names (nginx header directives, fastcgi_param). */
    private static final List<String> HEADER_WORDS = List.of("auth", "token", "secret", "key", "password", "passwd",
            "pwd", "session", "cookie", "credential", "signature", "jwt");

    /** Every fragment and segment above contains one of these; a name without any is rejected cheaply. */
    private static final List<String> TRIGGERS = List.of("pass", "pw", "secret", "token", "key", "auth", "cookie",
            "sess", "sid", "sig", "otp", "cred", "jwt", "bearer", "hmac", "code", "ticket");

    private SecretNames() {}

    /** {@code DB_PASSWORD}, {@code x-api-key}, {@code aws_secret_access_key}, {@code $jwt_secret}... */
    static boolean isSecret(String name) {
        if (!mayBeSecret(name)) {
            return false;
        }
        List<String> segments = segments(name);
        if (segments.isEmpty()) {
            return false;
        }
        String compact = String.join("", segments);
        if (NOT_SECRET.contains(compact) || isMetadata(segments)) {
            return false;
        }
        for (String fragment : FRAGMENTS) {
            if (compact.contains(fragment)) {
                return true;
            }
        }
        for (String segment : segments) {
            if (SEGMENTS.contains(segment)) {
                return true;
            }
        }
        return compact.endsWith("key") && !compact.endsWith("publickey");
    }

    /** A query parameter name: everything {@link #isSecret} accepts plus OAuth-style {@code code}, {@code ticket}. */
    static boolean isSecretQueryParameter(String name) {
        return isSecret(name) || QUERY_ONLY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** A header or CGI parameter name whose literal value is a credential. */
    static boolean isCredentialHeader(String name) {
        List<String> segments = segments(name);
        String compact = String.join("", segments);
        if (compact.isEmpty() || isMetadata(segments) || NOT_SECRET.contains(compact)) {
            return false;
        }
        for (String prefix : PUBLIC_HEADER_PREFIXES) {
            if (compact.startsWith(prefix)) {
                return false;
            }
        }
        for (String word : HEADER_WORDS) {
            if (compact.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static boolean isAuthorization(String name) {
        return compact(name).endsWith("authorization");
    }

    static boolean isCookie(String name) {
        return compact(name).endsWith("cookie");
    }

    static boolean isSetCookie(String name) {
        return compact(name).endsWith("setcookie");
    }

    static boolean isPassphrase(String name) {
        return compact(name).contains("passphrase");
    }

    /** Names like {@code PWD} hold paths in environment dumps; a password-named value is masked even if it has a slash. */
    static boolean isStrongSecret(String name) {
        String compact = compact(name);
        return compact.contains("password") || compact.contains("passwd") || compact.contains("secret")
                || compact.contains("token") || compact.contains("passphrase");
    }

    /** The kind to report for a value assigned to {@code name}. */
    static SecretKind kindFor(String name) {
        String compact = compact(name);
        List<String> segments = segments(name);
        if (compact.contains("aws") && compact.contains("secret") || compact.contains("secretaccesskey")) {
            return SecretKind.AWS_SECRET_KEY;
        }
        if (compact.endsWith("authorization")) {
            return SecretKind.AUTHORIZATION;
        }
        if (compact.contains("cookie")) {
            return SecretKind.COOKIE;
        }
        if (compact.contains("pass") || compact.contains("pwd") || segments.contains("pw")) {
            return SecretKind.PASSWORD;
        }
        if (compact.contains("session") || compact.contains("sessid") || segments.contains("sid")) {
            return SecretKind.SESSION;
        }
        if (compact.contains("signature") || segments.contains("sig") || compact.contains("hmac")) {
            return SecretKind.SIGNATURE;
        }
        if (compact.contains("secret")) {
            return SecretKind.SECRET;
        }
        if (compact.contains("token") || compact.contains("jwt") || segments.contains("otp")
                || segments.contains("code") || segments.contains("ticket")) {
            return SecretKind.TOKEN;
        }
        if (compact.contains("key")) {
            return SecretKind.API_KEY;
        }
        return SecretKind.SECRET;
    }

    private static boolean mayBeSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String trigger : TRIGGERS) {
            if (lower.contains(trigger)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMetadata(List<String> segments) {
        String last = segments.get(segments.size() - 1);
        if (last.equals("id")) {
            return segments.size() > 1 && segments.get(segments.size() - 2).equals("key");
        }
        return METADATA_SUFFIXES.contains(last);
    }

    /** The name in lower case without separators: {@code X-Api-Key} becomes {@code xapikey}. */
    private static String compact(String name) {
        StringBuilder compact = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                compact.append(Character.toLowerCase(c));
            }
        }
        return compact.toString();
    }

    /** Lower-case segments split at {@code _ - . / space $ @} and at camelCase humps. */
    static List<String> segments(String name) {
        List<String> segments = new ArrayList<>(6);
        StringBuilder current = new StringBuilder(16);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(segments, current);
                continue;
            }
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                flush(segments, current);
            }
            current.append(Character.toLowerCase(c));
        }
        flush(segments, current);
        return segments;
    }

    private static void flush(List<String> segments, StringBuilder current) {
        if (current.length() > 0) {
            segments.add(current.toString());
            current.setLength(0);
        }
    }
}
