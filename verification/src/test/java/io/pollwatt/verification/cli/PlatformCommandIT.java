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

    @Test
    void starts_the_ingest_takes_a_registered_devices_upload_and_stops_when_asked() throws Exception {
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
                    "--bind",
                    "127.0.0.1",
                    "--data",
                    dir.toString(),
                    "--register",
                    Messages.MN + ",123456,E001",
                    "--run-for",
                    "PT2M"));
        });
        platform.start();
        Pattern port = Pattern.compile("port (\\d+)");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> port.matcher(out.toString()).find());
        Matcher m = port.matcher(out.toString());
        assertThat(m.find()).isTrue();
        byte[] frame = Hj212Codec.encode(Messages.electricity2011(2, LocalDateTime.of(2026, 3, 1, 8, 15)));
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(m.group(1)))) {
            OutputStream os = socket.getOutputStream();
            os.write(frame);
            os.flush();
            InputStream is = socket.getInputStream();
            byte[] answer = new byte[256];
            int n = is.read(answer);
            assertThat(new String(answer, 0, Math.max(0, n), StandardCharsets.US_ASCII))
                    .contains("CN=9014");
        }
        platform.interrupt();
        platform.join(30_000);
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("1 frame(s) accepted");
    }
}
