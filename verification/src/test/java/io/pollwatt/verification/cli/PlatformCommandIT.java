package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.fixtures.Messages;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlatformCommandIT {

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Matcher find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
        return m;
    }

    @Test
    void starts_ingest_and_api_takes_a_registered_devices_upload_and_stops_when_asked() throws Exception {
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread platform = new Thread(() -> {
            CommandLine cli = new CommandLine(new Testbed());
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(new StringWriter(), true));
            exit.set(cli.execute(
                    "platform",
                    "--hj212-port",
                    "0",
                    "--http-port",
                    "0",
                    "--bind",
                    "127.0.0.1",
                    "--data",
                    dir.toString(),
                    "--register",
                    Messages.MN + ",123456,E001",
                    "--sites",
                    "textile",
                    "--run-for",
                    "PT2M"));
        });
        platform.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("REST API at"));
        String printed = out.toString();
        int ingestPort =
                Integer.parseInt(find("this host, port (\\d+)", printed).group(1));
        URI dashboard = URI.create(find("dashboard at (http://\\S+/)", printed).group(1));
        assertThat(dashboard.getHost()).isEqualTo("127.0.0.1");
        assertThat(find("REST API at (http://\\S+/api/)", printed).group(1)).isEqualTo(dashboard + "api/");

        // the printed URL answers
        HttpResponse<String> health = get(dashboard.resolve("/api/health"), null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"up\"");
        assertThat(get(dashboard, null).body()).contains("企业工况用电监控"); // the dashboard (docs/dashboard.md)
        assertThat(get(dashboard.resolve("/assets/vendor/uPlot.iife.min.js"), null)
                        .statusCode())
                .isEqualTo(200); // its chart library, bundled into the platform's jar

        // --sites textile: the ready site's archive, its enterprise listed
        find("archive of (\\S+) imported: 30 point\\(s\\), 2 device\\(s\\)", printed);
        HttpResponse<String> enterprises = get(dashboard.resolve("/api/enterprises"), null);
        assertThat(enterprises.statusCode()).isEqualTo(200);
        assertThat(enterprises.body()).contains("\"points\":");

        // no --api-token: the environment's, or one generated and printed once
        String env = System.getenv("POLLWATT_API_TOKEN");
        String token;
        if (env == null || env.isBlank()) {
            token = find("API token \\(generated[^)]*\\): (\\S+)", printed).group(1);
            assertThat(token).hasSizeGreaterThanOrEqualTo(32);
        } else {
            token = env;
            assertThat(printed).doesNotContain(env).doesNotContain("API token");
        }

        byte[] frame = Hj212Codec.encode(Messages.electricity2011(2, LocalDateTime.of(2026, 3, 1, 8, 15)));
        try (Socket socket = new Socket("127.0.0.1", ingestPort)) {
            OutputStream os = socket.getOutputStream();
            os.write(frame);
            os.flush();
            InputStream is = socket.getInputStream();
            byte[] answer = new byte[256];
            int n = is.read(answer);
            assertThat(new String(answer, 0, Math.max(0, n), StandardCharsets.US_ASCII))
                    .contains("CN=9014");
        }
        // the evidence written on the system clock verifies from the database
        HttpResponse<String> verify = get(dashboard.resolve("/api/evidence/verify?mn=" + Messages.MN), null);
        assertThat(verify.body()).contains("\"ok\":true").contains("\"checked\":1");
        assertThat(get(dashboard.resolve("/api/evidence?mn=" + Messages.MN), null)
                        .statusCode())
                .isEqualTo(401);
        HttpResponse<String> evidence = get(dashboard.resolve("/api/evidence?mn=" + Messages.MN), token);
        assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(200);
        assertThat(evidence.body()).contains("\"verdict\":\"ACCEPTED\"");
        assertThat(get(dashboard.resolve("/api/stats"), null).body()).contains("\"accepted\":1");

        platform.interrupt();
        platform.join(30_000);
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("1 frame(s) accepted");
        assertThat(out.toString().split("API token", -1)).hasSizeLessThanOrEqualTo(2); // printed once at most
    }
}
