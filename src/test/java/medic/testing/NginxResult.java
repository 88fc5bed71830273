package medic.testing;

/**
 * What one run of the nginx binary ({@code nginx -t}, {@code nginx -s reload}) reported.
 *
 * @param passed   true when nginx exited with status 0
 * @param exitCode nginx's exit status
 * @param stderr   everything nginx wrote to stderr, where it puts its verdicts ("test is successful",
 *                 "[emerg] ... in /path/file.conf:12")
 */
public record NginxResult(boolean passed, int exitCode, String stderr) {

    static NginxResult of(int exitCode, String stderr) {
        return new NginxResult(exitCode == 0, exitCode, stderr);
    }
}
