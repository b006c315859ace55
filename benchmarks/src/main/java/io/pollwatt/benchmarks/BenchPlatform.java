package io.pollwatt.benchmarks;

import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The reference platform's ingest alone, for {@link IngestBenchmark}: embedded PostgreSQL in a fresh folder (or
 * {@code --db URL}), {@code devices} devices registered as {@link IngestBenchmark#mn}, HJ 212 on a free loopback
 * port, printed as {@code port N}; stops when its standard input closes and prints its counters.
 */
public final class BenchPlatform {

    private BenchPlatform() {}

    /** Runs it: {@code devices [jdbc-url]}. */
    public static void main(String[] args) throws Exception {
        int devices = Integer.parseInt(args[0]);
        Path data = Files.createTempDirectory("pollwatt-bench");
        try (Database db = args.length > 1 ? Database.external(args[1], "postgres", "") : Database.embedded(data)) {
            DeviceRegistry registry = new DeviceRegistry(db.dataSource(), Clock.systemUTC());
            for (int d = 0; d < devices; d++) {
                registry.register(IngestBenchmark.mn(d), "123456", "E" + d / 10);
            }
            try (IngestServer server =
                    new IngestServer("127.0.0.1", 0, Mode.LENIENT, db.dataSource(), registry, Clock.systemUTC())) {
                System.out.println("port " + server.address().getPort());
                System.out.flush();
                while (System.in.read() >= 0) {
                    // until the driver closes our input
                }
                System.out.printf(
                        "platform: %d frames accepted, %d record rows, %d duplicates, %d rejected%n",
                        server.stats().accepted(),
                        server.stats().records(),
                        server.stats().duplicates(),
                        server.stats().rejected());
            }
        }
    }
}
