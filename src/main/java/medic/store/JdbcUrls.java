package medic.store;

import java.util.regex.Pattern;

/** Hides passwords that people put into JDBC URLs, so a URL can appear in errors and logs. */
final class JdbcUrls {

    // PostgreSQL takes ?password=... or &password=...; H2 takes ;PASSWORD=...; both also take user:secret@host.
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?;]+:)[^/@]*@");

    private JdbcUrls() {
    }

    static String redact(String url) {
        if (url == null) {
            return "";
        }
        String withoutParameters = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(withoutParameters).replaceAll("$1***@");
    }
}
