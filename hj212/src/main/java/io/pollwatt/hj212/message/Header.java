package io.pollwatt.hj212.message;

import io.pollwatt.hj212.internal.Syntax;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The header of a data segment (hj212-2017.md §5), in the order of the standard:
 *
 * <pre>
 *   QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;[PNUM=2;PNO=1;]CP=&amp;&amp;…&amp;&amp;
 * </pre>
 *
 * <p>HJ 212-2017 requires every field but PNUM/PNO. A frame accepted in lenient mode may lack QN, PW or Flag
 * (HJ/T 212-2005 devices); those components are then {@code null}. Everything else is checked here to at least
 * the lenient rules of §19.
 *
 * @param qn 请求编码, {@code null} when the frame had none (lenient)
 * @param st 系统编码
 * @param cn 命令编码
 * @param pw 访问密码, at most 6 of {@code 0-9 a-z A-Z} in strict form; {@code null} when absent (lenient)
 * @param mn 设备唯一标识, 24 upper-case hex digits in strict form
 * @param flag 拆分包及应答标志, {@code null} when absent (lenient)
 * @param packet PNUM/PNO, {@code null} unless the message is split
 * @param unknownFields header fields the standard does not define (lenient only), kept as evidence
 */
public record Header(
        Qn qn,
        SystemCode st,
        CommandCode cn,
        String pw,
        String mn,
        Flag flag,
        Packet packet,
        List<HeaderField> unknownFields) {

    public Header {
        Objects.requireNonNull(st, "st");
        Objects.requireNonNull(cn, "cn");
        Objects.requireNonNull(mn, "mn");
        if (!Syntax.isLenientMn(mn)) {
            throw new IllegalArgumentException("MN must be 1-24 of 0-9 A-Z a-z _ -, got '" + mn + "'");
        }
        if (pw != null && (pw.indexOf(';') >= 0 || pw.contains("CP=&&"))) {
            throw new IllegalArgumentException("PW must not contain ';' or 'CP=&&', got '" + pw + "'");
        }
        unknownFields = List.copyOf(unknownFields);
    }

    /** A complete HJ 212-2017 header for a message that is not split. */
    public static Header of(Qn qn, St st, Cn cn, String pw, String mn, Flag flag) {
        return new Header(
                Objects.requireNonNull(qn, "qn"),
                SystemCode.of(st),
                CommandCode.of(cn),
                Objects.requireNonNull(pw, "pw"),
                mn,
                Objects.requireNonNull(flag, "flag"),
                null,
                List.of());
    }

    /** The QN, if the frame had one. */
    public Optional<Qn> qnIfPresent() {
        return Optional.ofNullable(qn);
    }

    /** The Flag, if the frame had one. */
    public Optional<Flag> flagIfPresent() {
        return Optional.ofNullable(flag);
    }

    /** PNUM/PNO, if the message is split. */
    public Optional<Packet> packetIfPresent() {
        return Optional.ofNullable(packet);
    }

    /** Whether the sender asked for an answer (Flag bit A). A frame without Flag asks for none. */
    public boolean answerWanted() {
        return flag != null && flag.answerWanted();
    }

    /** The same header with another QN. */
    public Header withQn(Qn newQn) {
        return new Header(newQn, st, cn, pw, mn, flag, packet, unknownFields);
    }

    /** The same header with another Flag. */
    public Header withFlag(Flag newFlag) {
        return new Header(qn, st, cn, pw, mn, newFlag, packet, unknownFields);
    }

    /** The same header without the fields HJ 212-2017 does not define (what the encoder writes). */
    public Header withoutUnknownFields() {
        return new Header(qn, st, cn, pw, mn, flag, packet, List.of());
    }

    /** The same header with other PNUM/PNO ({@code null}: not split). */
    public Header withPacket(Packet newPacket) {
        return new Header(qn, st, cn, pw, mn, flag, newPacket, unknownFields);
    }
}
