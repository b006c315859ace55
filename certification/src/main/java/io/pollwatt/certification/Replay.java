package io.pollwatt.certification;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.capture.CaptureFormat;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Judge;
import io.pollwatt.certification.report.CertificationReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Judges a saved conversation ({@code testbed replay FILE}): a vendor may send a capture instead of a device. The
 * passive cases are judged as in a live run; the active ones (withheld acks, refused connections, damaged answers)
 * need a live device and are NOT_APPLICABLE.
 */
public final class Replay {

    private Replay() {}

    /** The report of the capture in {@code file}. */
    public static CertificationReport of(Path file) throws IOException, CaptureFormat.BadCapture {
        Capture live = CaptureFormat.read(file);
        // a replay never acts on a device, whoever recorded the capture
        Capture capture = new Capture(live.declaration(), live.start(), false, live.entries());
        List<CaseResult> results = new Judge(Catalogue.standard()).judge(capture);
        long last = capture.entries().isEmpty()
                ? 0
                : capture.entries().get(capture.entries().size() - 1).offsetMs();
        return new CertificationReport(
                capture.declaration(),
                file.toString(),
                false,
                capture.start(),
                capture.start().plusMillis(last),
                results);
    }
}
