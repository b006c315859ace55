package io.pollwatt.hj212.message;

import java.util.Objects;
import java.util.Optional;

/**
 * An answer (§9.2): 9011 请求应答 with {@code QnRtn}, 9012 执行结果 with {@code ExeRtn}, 9013 通知应答, 9014
 * 数据应答. HJ 212-2017 sends every answer with {@code ST=91}, {@code Flag=4} and the QN of the frame it answers;
 * PW and MN are the device's.
 *
 * <pre>
 *   QN=20160801085857223;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&amp;&amp;&amp;&amp;
 * </pre>
 *
 * @param header the header
 * @param cp the data area ({@code QnRtn}, {@code ExeRtn} or empty)
 */
public record Reply(Header header, Cp cp) implements Hj212Message {

    public Reply {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(cp, "cp");
        int cn = header.cn().value();
        if (cn < 9011 || cn > 9014) {
            throw new IllegalArgumentException("a reply has CN 9011-9014, got " + cn);
        }
    }

    /**
     * The answer to {@code answered} with the given CN: same QN, PW and MN, {@code ST=91}, {@code Flag=4}.
     *
     * @throws IllegalArgumentException when the answered frame has no QN (HJ/T 212-2005 uploads), since an answer
     *     without the QN it answers cannot be correlated
     */
    public static Reply answering(Header answered, Cn replyCn, Cp cp) {
        if (answered.qn() == null) {
            throw new IllegalArgumentException("cannot answer a frame without QN (MN " + answered.mn() + ")");
        }
        Header h = new Header(
                answered.qn(),
                SystemCode.of(St.SYSTEM_INTERACTION),
                CommandCode.of(replyCn),
                answered.pw(),
                answered.mn(),
                Flag.of(false, false),
                null,
                java.util.List.of());
        return new Reply(h, cp);
    }

    /** 9011 with the given answer code. */
    public static Reply requestAnswer(Header request, QnRtn qnRtn) {
        return answering(request, Cn.REQUEST_ANSWER, Cp.of(CpItem.of("QnRtn", Integer.toString(qnRtn.code()))));
    }

    /** 9012 with the given result. */
    public static Reply executionResult(Header request, ExeRtn exeRtn) {
        return answering(request, Cn.EXECUTION_RESULT, Cp.of(CpItem.of("ExeRtn", Integer.toString(exeRtn.code()))));
    }

    /** 9013 for a notification. */
    public static Reply notificationAnswer(Header notification) {
        return answering(notification, Cn.NOTIFICATION_ANSWER, Cp.EMPTY);
    }

    /** 9014 for an upload. */
    public static Reply dataAnswer(Header upload) {
        return answering(upload, Cn.DATA_ANSWER, Cp.EMPTY);
    }

    /** Which answer this is. */
    public Cn kind() {
        return header.cn().known().orElseThrow();
    }

    /** {@code QnRtn} of a 9011; empty when absent or outside Table 7. */
    public Optional<QnRtn> qnRtn() {
        return cp.get("QnRtn").flatMap(QnRtn::fromCode);
    }

    /** {@code ExeRtn} of a 9012; empty when absent or outside Table 6. */
    public Optional<ExeRtn> exeRtn() {
        return cp.get("ExeRtn").flatMap(ExeRtn::fromCode);
    }
}
