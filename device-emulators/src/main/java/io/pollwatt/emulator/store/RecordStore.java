package io.pollwatt.emulator.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A device's local store (domain-rules §1.4: DTUs and collectors keep 30 days and resend after an outage): every
 * record it built, durable before it is offered for sending, with one send cursor per platform (一点多发: one device,
 * several platforms). Survives a restart of the emulator: {@link #open} rebuilds the index from the files.
 *
 * <p>Files in the store's folder: {@code records.log}, one line per record, {@code seq TAB dataTime TAB cn TAB
 * segment} (an HJ 212 data segment never holds TAB or a line break: control characters are not allowed in it), and
 * {@code acked-<platform>.log}, the sequence numbers each platform acknowledged. Records older than the retention
 * are dropped by {@link #expire}, which reports what was lost unsent. Memory: three longs per record for the index;
 * segments are read from the file when needed. Thread-safe.
 */
public final class RecordStore implements Closeable {

    /** A stored record. */
    public record StoredRecord(long seq, Instant dataTime, String cn, String segment) {
        public StoredRecord {
            Objects.requireNonNull(dataTime, "dataTime");
            Objects.requireNonNull(cn, "cn");
            Objects.requireNonNull(segment, "segment");
        }
    }

    /**
     * Records dropped by retention that a platform never acknowledged: the loss a platform must be able to report.
     *
     * @param platform the platform
     * @param count how many
     * @param firstDataTime the oldest DataTime lost
     * @param lastDataTime the newest DataTime lost
     */
    public record Dropped(String platform, int count, Instant firstDataTime, Instant lastDataTime) {}

    private final Path dir;
    private final Duration retention;
    private final List<String> platforms;
    private final boolean sync;
    private FileChannel log;
    private final Map<String, FileChannel> ackLogs = new LinkedHashMap<>();
    private final Map<String, BitSet> acked = new LinkedHashMap<>();
    /** Index, oldest first: sequence number, DataTime (epoch seconds), offset of the line in records.log. */
    private long[] seqs = new long[256];

    private long[] times = new long[256];
    private long[] offsets = new long[256];
    private int size;
    private long nextSeq;

    private RecordStore(Path dir, Duration retention, List<String> platforms, boolean sync) {
        this.dir = dir;
        this.retention = retention;
        this.platforms = List.copyOf(platforms);
        this.sync = sync;
    }

    /**
     * Opens (or creates) the store in {@code dir} for the given platforms, keeping records for {@code retention}.
     *
     * @throws UncheckedIOException naming the folder when it cannot be read or written
     */
    public static RecordStore open(Path dir, Duration retention, Set<String> platforms) {
        return open(dir, retention, platforms, true);
    }

    /**
     * Opens the store, forcing each record and acknowledgement to the disk when {@code sync} (a device's flash: what it
     * stored survives losing power), or leaving them to the operating system when not: they still survive the
     * emulator's process being killed, as the page cache keeps them. Virtual runs, whose devices live and die with
     * the run, do not sync: a force per record cost each scenario about a third of a second of held virtual time.
     */
    public static RecordStore open(Path dir, Duration retention, Set<String> platforms, boolean sync) {
        RecordStore store = new RecordStore(dir, retention, List.copyOf(platforms), sync);
        try {
            Files.createDirectories(dir);
            store.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the record store in " + dir, e);
        }
        return store;
    }

    private void load() throws IOException {
        Path file = dir.resolve("records.log");
        log = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        byte[] all = Files.readAllBytes(file);
        long offset = 0;
        int lineStart = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] != '\n') {
                continue;
            }
            String line = new String(all, lineStart, i - lineStart, StandardCharsets.UTF_8);
            String[] parts = line.split("\t", 4);
            if (parts.length != 4) {
                break; // not a record: keep what came before, drop the rest
            }
            index(Long.parseLong(parts[0]), Long.parseLong(parts[1]), offset);
            lineStart = i + 1;
            offset = lineStart;
        }
        // a line cut short by a crash while writing has no line break: it was never acknowledged as stored
        log.truncate(offset);
        log.position(offset);
        nextSeq = size == 0 ? 0 : seqs[size - 1] + 1;
        for (String platform : platforms) {
            Path ackFile = dir.resolve("acked-" + platform + ".log");
            BitSet set = new BitSet();
            if (Files.exists(ackFile)) {
                for (String line : Files.readAllLines(ackFile, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        set.set((int) Long.parseLong(line.trim()));
                    }
                }
            }
            acked.put(platform, set);
            ackLogs.put(
                    platform,
                    FileChannel.open(
                            ackFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        }
    }

    /** Appends a record, durably; returns its sequence number. */
    public synchronized long append(Instant dataTime, String cn, String segment) {
        if (segment.indexOf('\t') >= 0 || segment.indexOf('\n') >= 0 || segment.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a data segment holds no TAB or line break: " + segment);
        }
        long seq = nextSeq++;
        byte[] line = (seq + "\t" + dataTime.getEpochSecond() + "\t" + cn + "\t" + segment + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            long offset = log.position();
            log.write(ByteBuffer.wrap(line));
            if (sync) {
                log.force(false);
            }
            index(seq, dataTime.getEpochSecond(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the record store in " + dir, e);
        }
        return seq;
    }

    /** Marks {@code seq} acknowledged by {@code platform}, durably; acknowledging twice is harmless. */
    public synchronized void acked(String platform, long seq) {
        BitSet set = platformSet(platform);
        if (set.get((int) seq)) {
            return;
        }
        try {
            FileChannel ack = ackLogs.get(platform);
            ack.write(ByteBuffer.wrap((seq + "\n").getBytes(StandardCharsets.US_ASCII)));
            if (sync) {
                ack.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an acknowledgement in " + dir, e);
        }
        set.set((int) seq);
    }

    /** Whether {@code platform} acknowledged {@code seq}. */
    public synchronized boolean isAcked(String platform, long seq) {
        return platformSet(platform).get((int) seq);
    }

    /** Up to {@code max} records {@code platform} has not acknowledged, oldest first. */
    public synchronized List<StoredRecord> unsent(String platform, int max) {
        BitSet set = platformSet(platform);
        List<StoredRecord> out = new ArrayList<>();
        for (int i = 0; i < size && out.size() < max; i++) {
            if (!set.get((int) seqs[i])) {
                out.add(read(i));
            }
        }
        return out;
    }

    /** How many records {@code platform} has not acknowledged. */
    public synchronized int unsentCount(String platform) {
        BitSet set = platformSet(platform);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (!set.get((int) seqs[i])) {
                n++;
            }
        }
        return n;
    }

    /** The stored records of command {@code cn} with DataTime in [from, to], oldest first (history retrieval). */
    public synchronized List<StoredRecord> range(String cn, Instant from, Instant to) {
        List<StoredRecord> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (times[i] >= from.getEpochSecond() && times[i] <= to.getEpochSecond()) {
                StoredRecord r = read(i);
                if (r.cn().equals(cn)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** The record with sequence number {@code seq}, if still held. */
    public synchronized java.util.Optional<StoredRecord> get(long seq) {
        int i = java.util.Arrays.binarySearch(seqs, 0, size, seq);
        return i < 0 ? java.util.Optional.empty() : java.util.Optional.of(read(i));
    }

    /** Number of records held. */
    public synchronized int size() {
        return size;
    }

    /**
     * Drops every record whose DataTime is older than {@code now} minus the retention, rewriting the file, and
     * reports per platform what it lost unsent.
     */
    public synchronized List<Dropped> expire(Instant now) {
        return expire(now, Long.MAX_VALUE);
    }

    /**
     * As {@link #expire(Instant)}, but keeps every record from sequence number {@code keepFromSeq} on (a record in
     * flight is not dropped under its sender: its answer may still come).
     */
    public synchronized List<Dropped> expire(Instant now, long keepFromSeq) {
        long cutoff = now.minus(retention).getEpochSecond();
        int keepFrom = 0;
        while (keepFrom < size && times[keepFrom] < cutoff && seqs[keepFrom] < keepFromSeq) {
            keepFrom++;
        }
        if (keepFrom == 0) {
            return List.of();
        }
        List<Dropped> dropped = new ArrayList<>();
        for (String platform : platforms) {
            BitSet set = acked.get(platform);
            int count = 0;
            long first = 0;
            long last = 0;
            for (int i = 0; i < keepFrom; i++) {
                if (!set.get((int) seqs[i])) {
                    if (count == 0) {
                        first = times[i];
                    }
                    last = times[i];
                    count++;
                }
            }
            if (count > 0) {
                dropped.add(new Dropped(platform, count, Instant.ofEpochSecond(first), Instant.ofEpochSecond(last)));
            }
        }
        try {
            compact(keepFrom);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the record store in " + dir, e);
        }
        return dropped;
    }

    private void compact(int keepFrom) throws IOException {
        Path file = dir.resolve("records.log");
        Path tmp = dir.resolve("records.log.tmp");
        long start = offsets[keepFrom];
        long length = log.size() - start;
        try (FileChannel out = FileChannel.open(
                tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            log.transferTo(start, length, out);
            out.force(true);
        }
        log.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        log.position(log.size());
        int kept = size - keepFrom;
        System.arraycopy(seqs, keepFrom, seqs, 0, kept);
        System.arraycopy(times, keepFrom, times, 0, kept);
        for (int i = 0; i < kept; i++) {
            offsets[i] = offsets[i + keepFrom] - start;
        }
        size = kept;
    }

    private StoredRecord read(int i) {
        long end = i + 1 < size ? offsets[i + 1] : -1;
        try {
            long length = (end >= 0 ? end : log.size()) - offsets[i];
            ByteBuffer buf = ByteBuffer.allocate((int) length);
            log.read(buf, offsets[i]);
            String line = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).stripTrailing();
            String[] parts = line.split("\t", 4);
            return new StoredRecord(
                    Long.parseLong(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])), parts[2], parts[3]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read record " + seqs[i] + " from the store in " + dir, e);
        }
    }

    private void index(long seq, long time, long offset) {
        if (size == seqs.length) {
            seqs = java.util.Arrays.copyOf(seqs, size * 2);
            times = java.util.Arrays.copyOf(times, size * 2);
            offsets = java.util.Arrays.copyOf(offsets, size * 2);
        }
        seqs[size] = seq;
        times[size] = time;
        offsets[size] = offset;
        size++;
    }

    private BitSet platformSet(String platform) {
        BitSet set = acked.get(platform);
        if (set == null) {
            throw new IllegalArgumentException(
                    "the store keeps no cursor for platform " + platform + "; it has " + platforms);
        }
        return set;
    }

    @Override
    public synchronized void close() {
        try {
            log.close();
            for (FileChannel c : ackLogs.values()) {
                c.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the record store in " + dir, e);
        }
    }
}
