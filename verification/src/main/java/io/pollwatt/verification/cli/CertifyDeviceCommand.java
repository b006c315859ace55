package io.pollwatt.verification.cli;

import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.DeclarationReader;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.certification.device.DeviceCertifier;
import io.pollwatt.certification.device.RunPlan;
import io.pollwatt.certification.device.WallTimeline;
import io.pollwatt.certification.report.CertificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed certify-device}: plays the platform for a real DTU or data collector and certifies it against the
 * case catalogue (docs/certification.md). A thin wrapper over the certification module's {@link DeviceCertifier}.
 */
@Command(
        name = "certify-device",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = {
            "Certify a device over HJ 212-2017: play its platform, run the case catalogue, write the report.",
            "Exit 0 when no case failed, 1 when a case failed, 2 for bad input."
        })
final class CertifyDeviceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--profile",
            required = true,
            paramLabel = "PROFILE",
            description = "dtu-electricity or collector-voc")
    private String profile;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            defaultValue = "0.0.0.0:9212",
            description = "where the tester listens for the device (default ${DEFAULT-VALUE})")
    private String listen;

    @Option(names = "--mn", paramLabel = "MN", description = "the device's MN (or in the declaration)")
    private String mn;

    @Option(
            names = "--pw",
            paramLabel = "PW",
            defaultValue = "123456",
            description = "its password (default ${DEFAULT-VALUE})")
    private String pw;

    @Option(names = "--declaration", paramLabel = "FILE", description = "the device's declaration (JSON)")
    private Path declarationFile;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "target/certification",
            description = "report and capture folder (default ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--observe", paramLabel = "DURATION", description = "observation phase, e.g. PT2H10M or P1DT1H")
    private String observe;

    @Option(names = "--outage", paramLabel = "DURATION", description = "how long connections are refused")
    private String outage;

    @Option(names = "--resend", paramLabel = "DURATION", description = "how long the device gets to resend")
    private String resend;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile p = Profile.of(profile).orElse(null);
        if (p == null || p == Profile.PLATFORM) {
            err.println("testbed certify-device: --profile must be dtu-electricity or collector-voc, got '" + profile
                    + "'");
            return Testbed.EXIT_USAGE;
        }
        InetSocketAddress address = address(listen);
        if (address == null) {
            err.println("testbed certify-device: --listen must be HOST:PORT, got '" + listen + "'");
            return Testbed.EXIT_USAGE;
        }
        Declaration declaration;
        try {
            if (declarationFile != null) {
                declaration = DeclarationReader.read(declarationFile, p, mn, pw);
            } else if (mn == null) {
                err.println("testbed certify-device: give --mn or a --declaration with the device's MN");
                return Testbed.EXIT_USAGE;
            } else {
                declaration = Declaration.defaults(p, mn, pw);
            }
        } catch (DeclarationReader.BadDeclaration e) {
            e.problems().forEach(err::println);
            return Testbed.EXIT_USAGE;
        } catch (IOException e) {
            err.println(Testbed.cannotRead("certify-device", declarationFile.toString(), e));
            return Testbed.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("testbed certify-device: " + e.getMessage());
            return Testbed.EXIT_USAGE;
        }
        RunPlan plan = RunPlan.live(declaration);
        try {
            if (observe != null) {
                plan = plan.withObserve(Duration.parse(observe));
            }
            if (outage != null) {
                plan = plan.withOutage(Duration.parse(outage));
            }
            if (resend != null) {
                plan = new RunPlan(
                        plan.observe(),
                        plan.outage(),
                        Duration.parse(resend),
                        plan.answerTimeout(),
                        plan.connectTimeout());
            }
        } catch (DateTimeParseException e) {
            err.println("testbed certify-device: durations are ISO-8601 such as PT2H10M, got '" + e.getParsedString()
                    + "'");
            return Testbed.EXIT_USAGE;
        }
        Files.createDirectories(out);
        Clock clock = Clock.systemUTC(); // a real device lives on the wall clock
        DeviceCertifier certifier;
        try {
            certifier = new DeviceCertifier(
                    address, declaration, plan, clock, new WallTimeline(clock), out.resolve("capture.jsonl"), line -> {
                        o.println(line);
                        o.flush();
                    });
        } catch (IOException e) {
            err.println("testbed certify-device: cannot listen on " + listen + " or write " + out + ": " + e);
            return Testbed.EXIT_USAGE;
        }
        CertificationReport report;
        try (certifier) {
            report = certifier.run();
        }
        return CertificationOutput.finish("certify-device", report, out, o);
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        try {
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            return port < 0 || port > 65535 ? null : new InetSocketAddress(hostPort.substring(0, colon), port);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
