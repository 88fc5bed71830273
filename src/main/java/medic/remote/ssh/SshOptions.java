package medic.remote.ssh;

import java.time.Duration;

/**
 * Tuning shared by all SSH connections of one pool.
 *
 * @param connectTimeout         TCP connect plus handshake and authentication, per hop
 * @param outputCapBytes         output kept per stream and command; the rest is read, counted and dropped
 * @param channelsPerConnection  concurrent channels per connection (OpenSSH's MaxSessions defaults to 10)
 * @param idleEviction           an unused connection is closed after this long
 * @param killAfter              grace between the remote TERM and KILL when a command runs over time
 */
public record SshOptions(Duration connectTimeout, int outputCapBytes, int channelsPerConnection,
                         Duration idleEviction, Duration killAfter) {

    public SshOptions {
        if (outputCapBytes < 0) {
            throw new IllegalArgumentException("outputCapBytes must be zero or more, not " + outputCapBytes);
        }
        if (channelsPerConnection < 1) {
            throw new IllegalArgumentException("channelsPerConnection must be at least 1, not " + channelsPerConnection);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || idleEviction.isNegative()
                || killAfter.isNegative()) {
            throw new IllegalArgumentException("connectTimeout must be positive, idleEviction and killAfter not negative");
        }
    }

    /** 10 s to connect, 1 MiB per stream, 8 channels per connection, idle connections closed after 60 s. */
    public static SshOptions defaults() {
        return new SshOptions(Duration.ofSeconds(10), 1 << 20, 8, Duration.ofSeconds(60), Duration.ofSeconds(2));
    }

    public SshOptions withOutputCapBytes(int bytes) {
        return new SshOptions(connectTimeout, bytes, channelsPerConnection, idleEviction, killAfter);
    }

    public SshOptions withIdleEviction(Duration idle) {
        return new SshOptions(connectTimeout, outputCapBytes, channelsPerConnection, idle, killAfter);
    }

    public SshOptions withConnectTimeout(Duration timeout) {
        return new SshOptions(timeout, outputCapBytes, channelsPerConnection, idleEviction, killAfter);
    }

    public SshOptions withChannelsPerConnection(int channels) {
        return new SshOptions(connectTimeout, outputCapBytes, channels, idleEviction, killAfter);
    }
}
