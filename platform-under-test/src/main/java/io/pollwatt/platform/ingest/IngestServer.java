package io.pollwatt.platform.ingest;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.netty.Hj212ChannelInitializers;
import io.pollwatt.platform.registry.DeviceRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's HJ 212 port (hj212-2017.md §1: devices connect, the platform listens): the hj212-netty pipeline
 * (lenient by default, every deviation recorded), then {@link IngestHandler}, which queues every frame for the
 * {@link IngestWriter}: one thread that stores in group commits and answers only what is durable. Frames of one
 * connection keep their order.
 */
public final class IngestServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestServer.class);

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final IngestStats stats = new IngestStats();
    private final List<IngestWriter> writers = new ArrayList<>();
    private final List<StoredListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Channel server;

    /** Listens on {@code host:port} (port 0: any free port), storing into {@code db}. */
    public IngestServer(String host, int port, Mode mode, DataSource db, DeviceRegistry registry, Clock clock)
            throws InterruptedException {
        this(host, port, mode, db, registry, clock, IngestSettings.defaults());
    }

    /** Listens on {@code host:port} (port 0: any free port), storing into {@code db}, with {@code settings}. */
    public IngestServer(
            String host,
            int port,
            Mode mode,
            DataSource db,
            DeviceRegistry registry,
            Clock clock,
            IngestSettings settings)
            throws InterruptedException {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(clock, "clock");
        Partitions partitions = new Partitions(db);
        for (int i = 0; i < settings.writers(); i++) {
            writers.add(new IngestWriter(
                    db,
                    registry,
                    stats,
                    new DeviceCommands(db, clock, settings, stats),
                    partitions,
                    listeners,
                    "ingest-writer-" + i));
        }
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        // a device that stalls mid-frame for 2 minutes has its partial frame dropped, not the link
                        Hj212ChannelInitializers.install(ch.pipeline(), mode, Direction.UP, Duration.ofMinutes(2));
                        ch.pipeline().addLast("ingest", new IngestHandler(writers, clock));
                    }
                })
                .bind(host, port)
                .sync()
                .channel();
        LOG.info("HJ 212 ingest listening on {}", server.localAddress());
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    /** Adds a listener told of every data upload stored from now on. */
    public void onStored(StoredListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Counters since start. */
    public IngestStats stats() {
        return stats;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        writers.forEach(IngestWriter::close); // stores what was received, then the connections close
        // no quiet period: the server and every writer are closed above, so nothing can submit work any more; Netty's
        // default waits 2 s for quiet, which every scenario of the catalogue (one platform per run) paid in wall time
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
