package medic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The storm's report: figures, and each target met or missed; printed and written to a file as it grows. */
final class StormReport {
    private final Path file;
    private final List<String> missed = new ArrayList<>();

    StormReport(Path file) {
        this.file = file;
    }

    void line(String format, Object... values) {
        String line = "storm: " + String.format(Locale.ROOT, format, values);
        System.out.println(line);
        try {
            Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("storm: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A target: {@code met} says whether {@code figure} meets {@code target}. */
    void target(String what, boolean met, String figure, String target) {
        line("%-4s %s: %s (target: %s)", met ? "MET" : "MISS", what, figure, target);
        if (!met) {
            missed.add(what);
        }
    }

    List<String> missed() {
        return List.copyOf(missed);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
