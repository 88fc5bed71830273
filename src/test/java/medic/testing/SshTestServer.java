package medic.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server in the test JVM (Apache MINA SSHD) on 127.0.0.1: a fixed ed25519 host key from test
 * resources, public-key authentication against {@code ssh/authorized_keys}, exec through {@code /bin/sh},
 * SFTP, and direct-tcpip forwarding so it can serve as a jump host. Like OpenSSH, at most 10 channels
 * per connection.
 */
public final class SshTestServer implements AutoCloseable {

    /** The host key tests normally use; {@link #JUMP_HOST_KEY} is a second, different one. */
    public static final String HOST_KEY = "ssh/host_ed25519";
    public static final String JUMP_HOST_KEY = "ssh/jump_host_ed25519";
    private static final int OPENSSH_MAX_SESSIONS = 10;

    private final SshServer server;
    private final String hostKeyResource;
    private final AtomicInteger sessionsCreated = new AtomicInteger();
    private final AtomicInteger openSessionChannels = new AtomicInteger();
    private final AtomicInteger maxSessionChannels = new AtomicInteger();
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    private SshTestServer(SshServer server, String hostKeyResource) {
        this.server = server;
        this.hostKeyResource = hostKeyResource;
    }

    /** A server with the standard host key running commands in {@code workingDirectory}. */
    public static SshTestServer start(Path workingDirectory) {
        return builder(workingDirectory).start();
    }

    public static SshTestServer start(Path workingDirectory, String hostKeyResource) {
        return builder(workingDirectory).hostKey(hostKeyResource).start();
    }

    public static Builder builder(Path workingDirectory) {
        return new Builder(workingDirectory);
    }

    /** Options beyond the defaults: another host key, extra environment, a lower channel limit. */
    public static final class Builder {
        private final Path workingDirectory;
        private String hostKeyResource = HOST_KEY;
        private Map<String, String> environment = Map.of();
        private int maxChannels = OPENSSH_MAX_SESSIONS;

        private Builder(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
        }

        public Builder hostKey(String resource) {
            this.hostKeyResource = resource;
            return this;
        }

        /** Variables commands see on top of this JVM's (say, a PATH without coreutils). */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            return this;
        }

        /** Channels per connection before the server refuses more (OpenSSH's MaxSessions, default 10). */
        public Builder maxChannels(int channels) {
            this.maxChannels = channels;
            return this;
        }

        public SshTestServer start() {
            return SshTestServer.start(this);
        }
    }

    private static SshTestServer start(Builder options) {
        Path workingDirectory = options.workingDirectory;
        String hostKeyResource = options.hostKeyResource;
        Map<String, String> environment = options.environment;
        SshServer server = SshServer.setUpDefaultServer();
        SshTestServer testServer = new SshTestServer(server, hostKeyResource);
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new FileKeyPairProvider(TestResources.path(hostKeyResource)));
        server.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("test users",
                authorizedKeys(TestResources.path("ssh/authorized_keys"))));
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setCommandFactory((channel, command) -> new ShellCommand(command, workingDirectory, environment,
                testServer.running));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.setChannelFactories(server.getChannelFactories().stream()
                .map(factory -> factory.getName().equals("session") ? new SessionChannelLimit(options.maxChannels) : factory)
                .toList());
        // Small exit-status and close packets would otherwise wait for the client's delayed ACK (40 ms).
        CoreModuleProperties.TCP_NODELAY.set(server, true);
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                testServer.sessionsCreated.incrementAndGet();
            }
        });
        server.addChannelListener(testServer.channelCounter());
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test SSH server", e);
        }
        return testServer;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    public String knownHostsLine() {
        return "[" + host() + "]:" + port() + " " + publicKeyText(hostKeyResource);
    }

    /** The known_hosts line claiming this server's address and port with another host key. */
    public String knownHostsLineWithKey(String otherHostKeyResource) {
        return "[" + host() + "]:" + port() + " " + publicKeyText(otherHostKeyResource);
    }

    /** SSH connections accepted since start. */
    public int sessionsCreated() {
        return sessionsCreated.get();
    }

    /** SSH connections open now. */
    public int activeSessions() {
        return server.getActiveSessions().size();
    }

    /** Session channels (exec, SFTP) open now. */
    public int openSessionChannels() {
        return openSessionChannels.get();
    }

    /** The most session channels (exec, SFTP) that were open at once. */
    public int maxConcurrentSessionChannels() {
        return maxSessionChannels.get();
    }

    /** Closes every open connection from the server side, as a restarted sshd or a dropped network would. */
    public void dropConnections() {
        server.getActiveSessions().forEach(session -> session.close(true));
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Process process : new ArrayList<>(running)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    private ChannelListener channelCounter() {
        return new ChannelListener() {
            @Override
            public void channelOpenSuccess(Channel channel) {
                if (channel instanceof ChannelSession) {
                    int open = openSessionChannels.incrementAndGet();
                    maxSessionChannels.accumulateAndGet(open, Math::max);
                }
            }

            @Override
            public void channelClosed(Channel channel, Throwable reason) {
                if (channel instanceof ChannelSession) {
                    openSessionChannels.decrementAndGet();
                }
            }
        };
    }

    private static String publicKeyText(String privateKeyResource) {
        try {
            String[] fields = Files.readString(TestResources.path(privateKeyResource + ".pub"), StandardCharsets.UTF_8)
                    .strip().split("\\s+");
            return fields[0] + " " + fields[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<PublicKey> authorizedKeys(Path file) {
        try {
            List<PublicKey> keys = new ArrayList<>();
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            }
            return keys;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read test authorized keys " + file, e);
        }
    }
}
