package io.pollwatt.verification.site;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.site.Enterprise;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One site definition file (docs/site-format.md) as the twin takes it: the enterprise, the faults it stages, the
 * platform archive's deviations from the truth, and the zone its local times are in.
 *
 * @param source the file as named to the reader (a path, or {@code sites/textile.yaml} for a ready site)
 * @param zone the zone of every local time in the file (default Asia/Shanghai)
 * @param enterprise the enterprise the twin simulates
 * @param faults the staged faults, in file order
 * @param archive what the platform's archive says where it differs from the installation
 * @param devices the enterprise's DTUs and data collectors: the file's {@code devices:}, or the default derived from
 *     the enterprise id (docs/site-format.md, "Devices")
 */
public record SiteFile(
        String source, ZoneId zone, Enterprise enterprise, List<Fault> faults, Archive archive, DevicePlan devices) {

    /** The zone of a file that names none (style.md §5: configuration, never the system default). */
    public static final ZoneId DEFAULT_ZONE = SiteReader.DEFAULT_ZONE;

    public SiteFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(devices, "devices");
        faults = List.copyOf(faults);
    }

    /**
     * Reads a site file (UTF-8).
     *
     * @throws SiteFileException with every problem in the file, each as {@code file:line:column: expected X, got 'Y'}
     * @throws IOException when the file cannot be read
     */
    public static SiteFile read(Path file) throws IOException, SiteFileException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SiteFileException(List.of(
                    new SiteError(name, 1, 1, SiteError.Code.SYNTAX, "UTF-8 text", "bytes that are not UTF-8")));
        }
        return parse(name, text);
    }

    /**
     * Reads a site from text; {@code source} names it in errors.
     *
     * @throws SiteFileException with every problem in the text
     */
    public static SiteFile parse(String source, String text) throws SiteFileException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        return SiteReader.read(source, text);
    }
}
