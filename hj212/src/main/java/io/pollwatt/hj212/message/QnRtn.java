package io.pollwatt.hj212.message;

import java.util.Optional;

/**
 * 请求命令返回 QnRtn, the answer code of a 9011 request answer (HJ 212-2017 Table 7, hj212-2017.md §9.1).
 *
 * <p>Wire form: {@code CP=&&QnRtn=1&&}, N3. Only {@link #READY} lets the requester wait for data and 9012.
 */
public enum QnRtn {
    /** 1 准备执行请求: the request is accepted and will be executed. */
    READY(1),
    /** 2 请求被拒绝. */
    REFUSED(2),
    /** 3 PW 错误. */
    WRONG_PW(3),
    /** 4 MN 错误. */
    WRONG_MN(4),
    /** 5 ST 错误. */
    WRONG_ST(5),
    /** 6 Flag 错误. */
    WRONG_FLAG(6),
    /** 7 QN 错误. */
    WRONG_QN(7),
    /** 8 CN 错误. */
    WRONG_CN(8),
    /** 9 CRC 校验错误. */
    WRONG_CRC(9),
    /** 100 未知错误. */
    UNKNOWN_ERROR(100);

    private final int code;

    QnRtn(int code) {
        this.code = code;
    }

    /** The number written on the wire. */
    public int code() {
        return code;
    }

    /**
     * The answer for a wire value. {@code 10} maps to {@link #UNKNOWN_ERROR}: flash520/hj212 and ringyee/fkhj212
     * send 10 for "unknown" (hj212-2017.md §18).
     */
    public static Optional<QnRtn> fromCode(String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (value == 10) {
            return Optional.of(UNKNOWN_ERROR);
        }
        for (QnRtn r : values()) {
            if (r.code == value) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
