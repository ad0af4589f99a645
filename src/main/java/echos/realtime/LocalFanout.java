package echos.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/** {@link Fanout} within this node: encodes the frame once and writes it to each local socket. */
@ApplicationScoped
public class LocalFanout implements Fanout {

    private final Connections connections;
    private final FrameCodec codec;

    public LocalFanout(Connections connections, FrameCodec codec) {
        this.connections = connections;
        this.codec = codec;
    }

    @Override
    public void toUsers(Collection<String> userIds, OutboundFrame frame) {
        toUsersExcept(userIds, frame, null);
    }

    @Override
    public void toUsersExcept(Collection<String> userIds, OutboundFrame frame, String originConnectionId) {
        connections.sendToUsers(userIds, codec.encode(frame), originConnectionId == null ? "" : originConnectionId);
    }
}
