package io.pollwatt.platform.ingest;

import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The ingest in a process of its own, for {@link CrashIT} to kill: embedded PostgreSQL in {@code args[0]}, the
 * devices {@code args[1..]} registered with password 123456, HJ 212 on a free port printed as {@code port N}; runs
 * until its standard input closes.
 */
public final class CrashablePlatform {

    private CrashablePlatform() {}

    public static void main(String[] args) throws Exception {
        Database db = Database.embedded(Path.of(args[0]));
        DeviceRegistry registry = new DeviceRegistry(db.dataSource(), Clock.systemUTC());
        for (int i = 1; i < args.length; i++) {
            registry.register(args[i], "123456", "E-crash");
        }
        IngestServer server =
                new IngestServer("127.0.0.1", 0, Mode.LENIENT, db.dataSource(), registry, Clock.systemUTC());
        System.out.println("port " + server.address().getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our input (or kills us)
        }
        server.close();
        db.close();
    }
}
