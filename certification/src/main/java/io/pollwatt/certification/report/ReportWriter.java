package io.pollwatt.certification.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pollwatt.certification.catalogue.DeclarationReader;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link CertificationReport} as {@code certification.json} and a self-contained {@code certification.html}. */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes both files into {@code dir} (created if needed); returns the JSON file. */
    public static Path write(CertificationReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("certification.json");
        Files.writeString(json, json(report), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("certification.html"), html(report), StandardCharsets.UTF_8);
        return json;
    }

    /** The report as JSON. */
    public static String json(CertificationReport r) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("report", "pollwatt-device-certification/1");
        o.put("profile", r.declaration().profile().id());
        o.put("mn", r.declaration().mn());
        o.put("source", r.source());
        o.put("live", r.live());
        o.put("start", r.start().toString());
        o.put("end", r.end().toString());
        o.put("verdict", r.overall().name());
        ObjectNode counts = o.putObject("counts");
        for (Verdict v : Verdict.values()) {
            counts.put(v.name(), r.count(v));
        }
        o.set("declaration", DeclarationReader.toJson(r.declaration()));
        ArrayNode cases = o.putArray("cases");
        for (CaseResult c : r.results()) {
            ObjectNode n = cases.addObject();
            n.put("id", c.caseId());
            n.put("clause", c.clause());
            n.put("title", c.title());
            n.put("verdict", c.verdict().name());
            ArrayNode ev = n.putArray("evidence");
            c.evidence().forEach(ev::add);
        }
        return JSON.writeValueAsString(o) + "\n";
    }

    /** The report as one HTML page without outside resources. */
    public static String html(CertificationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Device certification ")
                .append(esc(r.declaration().mn()))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left}")
                .append(".PASS{background:#d9f2d9}.FAIL{background:#f8d0d0}.NOT_APPLICABLE{background:#eee}")
                .append(".INCONCLUSIVE{background:#fff2c0}ul{margin:0;padding-left:1.2em}</style></head><body>\n");
        sb.append("<h1>HJ 212-2017 device certification: ")
                .append(esc(r.overall().name()))
                .append("</h1>\n<p>Profile <b>")
                .append(esc(r.declaration().profile().id()))
                .append("</b>, MN <code>")
                .append(esc(r.declaration().mn()))
                .append("</code>, ")
                .append(r.live() ? "live run on " : "replay of ")
                .append(esc(r.source()))
                .append(", ")
                .append(esc(r.start().toString()))
                .append(" .. ")
                .append(esc(r.end().toString()))
                .append(" (device time base).</p>\n<p>");
        for (Verdict v : Verdict.values()) {
            sb.append(esc(v.name())).append(": ").append(r.count(v)).append(". ");
        }
        sb.append(
                "</p>\n<table><tr><th>Case</th><th>Clause</th><th>Title</th><th>Verdict</th><th>Evidence</th></tr>\n");
        for (CaseResult c : r.results()) {
            sb.append("<tr class=\"")
                    .append(c.verdict().name())
                    .append("\"><td>")
                    .append(esc(c.caseId()))
                    .append("</td><td>")
                    .append(esc(c.clause()))
                    .append("</td><td>")
                    .append(esc(c.title()))
                    .append("</td><td>")
                    .append(c.verdict().name())
                    .append("</td><td><ul>");
            c.evidence().forEach(line -> sb.append("<li>").append(esc(line)).append("</li>"));
            sb.append("</ul></td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
