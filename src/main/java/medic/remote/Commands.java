package medic.remote;

/** How a command appears in error messages: on one line, cut after 200 characters. */
public final class Commands {

    private static final int MAX_CHARS = 200;

    private Commands() {
    }

    public static String abbreviate(String command) {
        String oneLine = command.replace('\n', ' ').replace('\r', ' ').strip();
        return "`" + (oneLine.length() <= MAX_CHARS ? oneLine : oneLine.substring(0, MAX_CHARS) + "...") + "`";
    }
}
