package medic.nginx.harden;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import medic.nginx.model.NginxTime;

/** Which of two values for one setting is the stronger: the larger time, size or count. */
final class Strength {
    private static final Pattern SIZE = Pattern.compile("(\\d+)([kKmMgG]?)");

    private Strength() {
    }

    /**
     * True when {@code candidate} is strictly larger than {@code current}: both single values read as times
     * ({@code 75s}, {@code 1h}, bare seconds) or, failing that, both as sizes ({@code 16k}, {@code 1g}).
     */
    static boolean stronger(List<String> candidate, List<String> current) {
        if (candidate.size() != 1 || current.size() != 1) {
            return false;
        }
        String a = candidate.get(0);
        String b = current.get(0);
        Duration ta = NginxTime.parse(a);
        Duration tb = NginxTime.parse(b);
        if (ta != null && tb != null) {
            return ta.compareTo(tb) > 0;
        }
        Long sa = size(a);
        Long sb = size(b);
        return sa != null && sb != null && sa > sb;
    }

    private static Long size(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }
}
