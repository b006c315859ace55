package io.pollwatt.verification.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code testbed} command. Every command writes through the {@link PrintWriter}s of its {@link CommandLine}
 * ({@link CommandLine#setOut}, {@link CommandLine#setErr}) and reads standard input through {@link #stdin()}, so
 * tests run it in-process and capture what it prints.
 *
 * <p>Exit codes: 0 ran (and, for {@code suite}, everything passed); 1 a verdict or input failure the command
 * reports ({@code suite} failures, {@code encode} input it could not encode); 2 usage error or unreadable input
 * (for {@code twin}: a site file with problems, or an output folder that cannot be written).
 */
@Command(
        name = "testbed",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = "pollwatt testbed: HJ 212-2017 tools, the twin of a site, and the conformance suite.",
        subcommands = {
            Hj212Command.class,
            SuiteCommand.class,
            ValidateRulesCommand.class,
            TwinCommand.class,
            FleetCommand.class,
            PlatformCommand.class,
            CertifyDeviceCommand.class,
            CertifyPlatformCommand.class,
            ReplayCommand.class
        })
public final class Testbed implements Runnable {

    /** Exit code of a usage error or an input that cannot be read. */
    static final int EXIT_USAGE = 2;

    /** Version when the classes do not come from the packaged jar (running from {@code target/classes}). */
    static final String DEFAULT_VERSION = "0.1.0-SNAPSHOT";

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** A testbed that reads standard input from {@link System#in}. */
    public Testbed() {
        this(System.in);
    }

    /** A testbed that reads "standard input" ({@code -}) from {@code stdin}. */
    public Testbed(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out =
                new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = new CommandLine(new Testbed()).setOut(out).setErr(err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: hj212, suite or twin");
    }

    /** What {@code -} stands for. */
    InputStream stdin() {
        return stdin;
    }

    /**
     * Opens {@code file}, or standard input for {@code -}. The caller closes the stream (closing standard input's
     * wrapper is harmless: it is not closed).
     */
    InputStream open(String file) throws IOException {
        if ("-".equals(file)) {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    return stdin.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return stdin.read(b, off, len);
                }
            };
        }
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        return Files.newInputStream(path);
    }

    /** {@code testbed <command>: cannot read FILE: reason}, for an input that cannot be read. */
    static String cannotRead(String command, String file, IOException e) {
        String what = "-".equals(file) ? "standard input" : file;
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "testbed " + command + ": cannot read " + what + ": " + reason;
    }

    /** The version of the packaged jar, or {@value #DEFAULT_VERSION} when running from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Testbed.class.getPackage().getImplementationVersion();
            return new String[] {"testbed " + (version == null ? DEFAULT_VERSION : version)};
        }
    }
}
