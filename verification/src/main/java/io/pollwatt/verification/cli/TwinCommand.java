package io.pollwatt.verification.cli;

import io.pollwatt.twin.export.TwinRun;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.verification.site.ReadySites;
import io.pollwatt.verification.site.SiteError;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.site.SiteFileException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed twin}: simulates one site (a site file, docs/site-format.md, or a ready site by name) with the twin
 * and writes {@code readings.csv}, {@code truth.csv}, {@code stacks.csv} and {@code faults.jsonl} (UTF-8) into a
 * folder, then prints one summary line:
 *
 * <pre>
 *   twin: sites/textile.yaml (E-TEXTILE 某纺织公司) 30 points, 2 stacks, 0 faults; seed 7; 2026-03-01T00:00 to
 *   2026-03-02T00:00 Asia/Shanghai: 2910 readings, 2880 truth rows, 97 stack rows → /tmp/twin-out
 * </pre>
 *
 * The same arguments give byte-identical files. A site file with problems prints every problem to standard error as
 * {@code file:line:column: expected X, got 'Y'} and exits 2, writing nothing.
 */
@Command(
        name = "twin",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Simulate a site with the twin and write readings.csv, truth.csv, stacks.csv and faults.jsonl.",
            "Exit 0 when written; 2 for a usage error, a site file with problems (each printed as"
                    + " file:line:column: expected X, got 'Y') or a folder that cannot be written."
        })
final class TwinCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TwinCommand.class);

    /** The files written, in the order of {@link TwinRun.Outputs}. */
    static final String[] FILES = {"readings.csv", "truth.csv", "stacks.csv", "faults.jsonl"};

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--site",
            required = true,
            paramLabel = "FILE|NAME",
            description = "a site file (docs/site-format.md), or a ready site: ${COMPLETION-CANDIDATES}",
            completionCandidates = ReadySiteNames.class)
    private String site;

    @Option(
            names = "--start",
            required = true,
            paramLabel = "YYYY-MM-DDTHH:MM",
            converter = LocalStartConverter.class,
            description = "first instant, local time in the site's zone")
    private LocalDateTime start;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "1",
            description = "days to simulate, 1..366 (default: ${DEFAULT-VALUE})")
    private int days;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "run seed; the same seed gives the same files (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the four files")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (days < 1 || days > 366) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--days must be 1..366, got " + days);
        }
        SiteFile siteFile;
        try {
            siteFile = loadSite(site);
        } catch (SiteFileException e) {
            for (SiteError error : e.errors()) {
                err.println(error.message());
            }
            err.println("testbed twin: " + e.errors().size() + " problem"
                    + (e.errors().size() == 1 ? "" : "s") + " in "
                    + e.errors().get(0).file() + "; nothing written");
            return Testbed.EXIT_USAGE;
        } catch (IOException e) {
            err.println(Testbed.cannotRead("twin", site, e));
            return Testbed.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("testbed twin: " + e.getMessage());
            return Testbed.EXIT_USAGE;
        }
        Instant from = start.atZone(siteFile.zone()).toInstant();
        Duration length = Duration.ofDays(days);
        LOG.info("twin run of {} from {} for {} day(s), seed {}", siteFile.source(), start, days, seed);
        Lines[] lines = new Lines[FILES.length];
        try {
            Files.createDirectories(out);
            try (Lines readings = open(0, lines);
                    Lines truth = open(1, lines);
                    Lines stacks = open(2, lines);
                    Lines faults = open(3, lines)) {
                TwinRun.run(
                        siteFile.enterprise(),
                        siteFile.faults(),
                        seed,
                        siteFile.zone(),
                        from,
                        length,
                        new TwinRun.Outputs(readings, truth, stacks, faults));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the reader checks what the twin checks; reaching here is a bug in one of them
            err.println("testbed twin: the twin refused " + siteFile.source() + ": " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            IOException cause =
                    e instanceof UncheckedIOException ? ((UncheckedIOException) e).getCause() : (IOException) e;
            String reason = cause instanceof NoSuchFileException
                    ? "no such folder"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            err.println("testbed twin: cannot write " + out + ": " + reason);
            return Testbed.EXIT_USAGE;
        }
        long inRun = siteFile.faults().stream()
                .filter(f -> overlaps(f, from, from.plus(length)))
                .count();
        stdout.print(String.format(
                java.util.Locale.ROOT,
                "twin: %s (%s %s) %d points, %d stacks, %d faults (%d in the run); seed %d; %s to %s %s:"
                        + " %d readings, %d truth rows, %d stack rows → %s%n",
                siteFile.source(),
                siteFile.enterprise().id(),
                siteFile.enterprise().name(),
                siteFile.enterprise().facilities().size(),
                siteFile.enterprise().stacks().size(),
                siteFile.faults().size(),
                inRun,
                seed,
                start,
                start.plus(length),
                siteFile.zone(),
                lines[0].lines() - 1,
                lines[1].lines() - 1,
                lines[2].lines() - 1,
                out));
        stdout.flush();
        return 0;
    }

    /** The site file at the path given, or else the ready site of that name. */
    static SiteFile loadSite(String site) throws IOException, SiteFileException {
        Path path = null;
        try {
            path = Path.of(site);
        } catch (InvalidPathException e) {
            // not a path: perhaps a ready site's name
        }
        if (path != null && Files.exists(path)) {
            if (Files.isDirectory(path)) {
                throw new IOException("is a directory");
            }
            return SiteFile.read(path);
        }
        if (ReadySites.text(site).isPresent()) {
            return ReadySites.read(site);
        }
        throw new IllegalArgumentException("no site file or ready site '" + site + "'; the ready sites are: "
                + String.join(", ", ReadySites.names()));
    }

    private Lines open(int index, Lines[] lines) throws IOException {
        lines[index] = new Lines(Files.newBufferedWriter(out.resolve(FILES[index]), StandardCharsets.UTF_8));
        return lines[index];
    }

    private static boolean overlaps(Fault f, Instant from, Instant to) {
        return f.window().start().isBefore(to) && f.window().end().isAfter(from);
    }

    /** A file being written, counting its lines (a CSV file's first line is its header). */
    private static final class Lines implements Appendable, AutoCloseable {
        private final BufferedWriter writer;
        private long newlines;

        Lines(BufferedWriter writer) {
            this.writer = writer;
        }

        long lines() {
            return newlines;
        }

        @Override
        public Appendable append(CharSequence csq) throws IOException {
            return append(csq, 0, csq.length());
        }

        @Override
        public Appendable append(CharSequence csq, int start, int end) throws IOException {
            for (int i = start; i < end; i++) {
                if (csq.charAt(i) == '\n') {
                    newlines++;
                }
            }
            writer.append(csq, start, end);
            return this;
        }

        @Override
        public Appendable append(char c) throws IOException {
            if (c == '\n') {
                newlines++;
            }
            writer.write(c);
            return this;
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }

    /** {@code 2026-03-01T00:00} (or with a space for the T). */
    static final class LocalStartConverter implements CommandLine.ITypeConverter<LocalDateTime> {
        @Override
        public LocalDateTime convert(String value) {
            String v = value.trim();
            if (v.length() > 10 && v.charAt(10) == ' ') {
                v = v.substring(0, 10) + "T" + v.substring(11).trim();
            }
            try {
                return LocalDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException(
                        "expected a local date-time like 2026-03-01T00:00, got '" + value + "'");
            }
        }
    }

    /** The ready sites' names, for help and completion. */
    static final class ReadySiteNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ReadySites.names().iterator();
        }
    }
}
