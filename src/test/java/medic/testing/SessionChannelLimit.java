package medic.testing;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.server.channel.ChannelSessionFactory;

/**
 * OpenSSH's MaxSessions for the test server: past the limit of open session channels on one connection,
 * a new one is refused politely (an open failure), the connection stays up. (MINA's own
 * MAX_CONCURRENT_CHANNELS drops the whole connection instead.)
 */
final class SessionChannelLimit implements ChannelFactory {

    private final int limit;
    private final Map<Session, AtomicInteger> open = new ConcurrentHashMap<>();

    SessionChannelLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public String getName() {
        return ChannelSessionFactory.INSTANCE.getName();
    }

    @Override
    public Channel createChannel(Session session) throws IOException {
        AtomicInteger count = open.computeIfAbsent(session, key -> new AtomicInteger());
        if (count.incrementAndGet() > limit) {
            count.decrementAndGet();
            return null;
        }
        Channel channel = ChannelSessionFactory.INSTANCE.createChannel(session);
        channel.addChannelListener(new ChannelListener() {
            @Override
            public void channelClosed(Channel closed, Throwable reason) {
                count.decrementAndGet();
            }
        });
        return channel;
    }
}
