package io.pollwatt.verification.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.platform.alarms.RuleService;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code testbed platform rerun}: replays the rules over a stored range, exactly as they ran when the data arrived
 * (rulebook §0), and reconciles the alarms of the range; {@code --dry-run} prints the findings as JSON lines and
 * stores nothing.
 */
@Command(
        name = "rerun",
        mixinStandardHelpOptions = true,
        versionProvider = Testbed.Version.class,
        description = "Re-run the rules over stored data [--from, --to) and reconcile the alarms.")
final class RerunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DatabaseOptions database;

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DDTHH:MM", description = "first instant, local")
    private String from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DDTHH:MM", description = "end of the range, local")
    private String to;

    @Option(names = "--enterprise", paramLabel = "ID", description = "only this enterprise")
    private String enterprise;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "rule configuration (key=value, key@ENTERPRISE=value)")
    private Path rules;

    @Option(names = "--dry-run", description = "print the findings (JSON lines) and store nothing")
    private boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        LocalDateTime start = time(from, "--from");
        LocalDateTime end = time(to, "--to");
        if (!end.isAfter(start)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to must be after --from");
        }
        RuleConfig config = PlatformCommand.ruleConfig(spec, rules);
        try (Database db = database.open()) {
            RuleService service = RuleService.create(db.dataSource(), config, Clock.systemUTC());
            if (dryRun) {
                com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                        .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                for (String id : enterprises(service)) {
                    for (Finding f : service.evaluate(id, start, end)) {
                        out.println(mapper.writeValueAsString(f));
                    }
                }
                out.flush();
                return 0;
            }
            RuleService.Summary s = service.rerun(start, end, Optional.ofNullable(enterprise));
            ObjectNode json = Json.MAPPER.createObjectNode();
            json.put("enterprises", s.enterprises());
            json.put("findings", s.findings());
            json.put("opened", s.changes().opened());
            json.put("updated", s.changes().updated());
            json.put("closed", s.changes().closed());
            json.put("unchanged", s.changes().unchanged());
            ObjectNode byRule = json.putObject("byRule");
            s.byRule().forEach(byRule::put);
            out.println(Json.MAPPER.writeValueAsString(json));
            out.flush();
            return 0;
        }
    }

    private java.util.List<String> enterprises(RuleService service) throws java.sql.SQLException {
        if (enterprise != null) {
            return java.util.List.of(enterprise);
        }
        return service.enterprises();
    }

    private LocalDateTime time(String text, String option) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), option + " must look like 2026-03-02T00:00, got '" + text + "'");
        }
    }

    static RuleConfig load(Path file) throws java.io.IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return RuleConfig.load(in);
        }
    }
}
