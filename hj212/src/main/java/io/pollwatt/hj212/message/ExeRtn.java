package io.pollwatt.hj212.message;

import java.util.Optional;

/**
 * 执行结果 ExeRtn, the result code of a 9012 execution result (HJ 212-2017 Table 6, hj212-2017.md §9.1).
 *
 * <p>Wire form: {@code CP=&&ExeRtn=1&&}, N3.
 */
public enum ExeRtn {
    /** 1 执行成功. */
    SUCCESS(1),
    /** 2 执行失败，但不知道原因. */
    FAILED(2),
    /** 3 命令请求条件错误. */
    BAD_REQUEST_CONDITION(3),
    /** 4 通讯超时. */
    COMMUNICATION_TIMEOUT(4),
    /** 5 系统繁忙不能执行. */
    SYSTEM_BUSY(5),
    /** 6 系统故障. */
    SYSTEM_FAULT(6),
    /** 100 没有数据: a history request found nothing stored. */
    NO_DATA(100);

    private final int code;

    ExeRtn(int code) {
        this.code = code;
    }

    /** The number written on the wire. */
    public int code() {
        return code;
    }

    /** The result for a wire value, empty for values outside Table 6. */
    public static Optional<ExeRtn> fromCode(String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (ExeRtn r : values()) {
            if (r.code == value) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
