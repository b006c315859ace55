package io.pollwatt.hj212.message;

import java.util.Optional;

/**
 * 数据标记, the flag of one value ({@code xxxxxx-Flag}, C1; HJ 212-2017 Table 8, hj212-2017.md §11).
 *
 * <p>Letters outside this table are kept as text by the decoder in lenient mode and map to no constant here:
 * the platform treats them as "unknown flag", never as {@link #NORMAL}. flash520/hj212 uses another alphabet in
 * which B and D mean different things.
 */
public enum DataFlag {
    /** N 在线监控（监测）仪器仪表工作正常. */
    NORMAL('N'),
    /** F 在线监控（监测）仪器仪表停运. */
    STOPPED('F'),
    /** M 在线监控（监测）仪器仪表处于维护期间产生的数据. */
    MAINTENANCE('M'),
    /** S 手工输入的设定值. */
    MANUAL_SET_VALUE('S'),
    /** D 在线监控（监测）仪器仪表故障. */
    FAULT('D'),
    /** C 在线监控（监测）仪器仪表处于校准状态. */
    CALIBRATING('C'),
    /** T 在线监控（监测）仪器仪表采样数值超过测量上限. */
    ABOVE_RANGE('T'),
    /** B 在线监控（监测）仪器仪表与数采仪通讯异常. */
    COMMUNICATION_FAILURE('B');

    private final char letter;

    DataFlag(char letter) {
        this.letter = letter;
    }

    /** The letter written on the wire. */
    public char letter() {
        return letter;
    }

    /** The letter as a one-character string, as it stands in the CP. */
    public String wire() {
        return String.valueOf(letter);
    }

    /** The flag for a wire value; empty for anything but one of the eight HJ 212-2017 letters. */
    public static Optional<DataFlag> fromWire(String text) {
        if (text == null || text.length() != 1) {
            return Optional.empty();
        }
        char c = text.charAt(0);
        for (DataFlag f : values()) {
            if (f.letter == c) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
