package io.pollwatt.certification.capture;

import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.hj212.netty.FrameBytes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records a live run as it happens: every entry is kept in memory for the verdicts and written to the capture file at
 * once (a run cut short still leaves its conversation). Thread-safe: the network threads and the run's script both
 * record.
 */
public final class Recorder implements AutoCloseable {

    private final Clock clock;
    private final Instant start;
    private final Declaration declaration;
    private final List<CaptureEntry> entries = new ArrayList<>();
    private final BufferedWriter out;

    /** A recorder whose offsets count from {@code clock}'s now, writing to {@code file} when it is not null. */
    public Recorder(Clock clock, Declaration declaration, Path file) throws IOException {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.declaration = Objects.requireNonNull(declaration, "declaration");
        this.start = clock.instant();
        this.out = file == null ? null : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        if (out != null) {
            out.write(CaptureFormat.header(declaration, start, true));
            out.write('\n');
            out.flush();
        }
    }

    /** Bytes that crossed connection {@code connection}. */
    public void bytes(int connection, CaptureEntry.Way way, byte[] raw) {
        add(new CaptureEntry.Bytes(offset(), connection, way, FrameBytes.copyOf(raw)));
    }

    /** Something the tester did or saw. */
    public void event(int connection, CaptureEntry.Kind kind, String detail) {
        add(new CaptureEntry.Event(offset(), connection, kind, detail));
    }

    /** The instant offset 0 stands for. */
    public Instant start() {
        return start;
    }

    private long offset() {
        return clock.millis() - start.toEpochMilli();
    }

    private synchronized void add(CaptureEntry e) {
        entries.add(e);
        if (out != null) {
            try {
                out.write(CaptureFormat.line(e));
                out.write('\n');
                out.flush();
            } catch (IOException x) {
                throw new UncheckedIOException("writing the capture", x);
            }
        }
    }

    /** The conversation so far. */
    public synchronized Capture capture() {
        return new Capture(declaration, start, true, entries);
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
