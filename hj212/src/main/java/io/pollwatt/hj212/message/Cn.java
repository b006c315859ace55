package io.pollwatt.hj212.message;

import java.util.Optional;

/**
 * 命令编码 CN: the command codes of HJ 212-2017 Table 9 (hj212-2017.md §8), plus the extension codes seen in
 * public implementations, which {@link #standard()} marks as not HJ 212-2017.
 *
 * <p>Several codes serve both directions: 1011 is "get device time" downward and "device time" upward. The
 * constant is named for what the code is about; the direction comes from who sent the frame.
 */
public enum Cn {
    /** 1000 设置超时时间及重发次数 ({@code OverTime;ReCount}). */
    SET_TIMEOUT_AND_RETRIES(1000, true),
    /** 1011 提取/上传现场机时间 ({@code SystemTime} upward). */
    DEVICE_TIME(1011, true),
    /** 1012 设置现场机时间 ({@code SystemTime}). */
    SET_DEVICE_TIME(1012, true),
    /** 1013 现场机时间校准请求 (notification upward). */
    TIME_CALIBRATION_REQUEST(1013, true),
    /** 1061 提取/上传实时数据间隔 ({@code RtdInterval} upward). */
    REALTIME_INTERVAL(1061, true),
    /** 1062 设置实时数据间隔 ({@code RtdInterval}). */
    SET_REALTIME_INTERVAL(1062, true),
    /** 1063 提取/上传分钟数据间隔 ({@code MinInterval} upward). */
    MINUTE_INTERVAL(1063, true),
    /** 1064 设置分钟数据间隔 ({@code MinInterval}). */
    SET_MINUTE_INTERVAL(1064, true),
    /** 1072 设置现场机访问密码 ({@code NewPW}). */
    SET_PASSWORD(1072, true),
    /** 2011 取/上传污染物实时数据. */
    REALTIME_DATA(2011, true),
    /** 2012 停止察看污染物实时数据 (notification downward). */
    STOP_REALTIME_DATA(2012, true),
    /** 2021 取/上传设备运行状态数据 ({@code SBxxx-RS}). */
    FACILITY_STATE(2021, true),
    /** 2022 停止察看设备运行状态 (notification downward). */
    STOP_FACILITY_STATE(2022, true),
    /** 2031 取/上传污染物日历史数据. */
    DAY_DATA(2031, true),
    /** 2041 取/上传设备运行时间日历史数据 ({@code SBxxx-RT}). */
    FACILITY_RUNTIME_DAY_DATA(2041, true),
    /** 2051 取/上传污染物分钟数据. */
    MINUTE_DATA(2051, true),
    /** 2061 取/上传污染物小时数据. */
    HOUR_DATA(2061, true),
    /** 2081 上传数采仪开机时间 ({@code RestartTime}). */
    COLLECTOR_BOOT_TIME(2081, true),
    /** 3011 零点校准量程校准. */
    CALIBRATE(3011, true),
    /** 3012 即时采样. */
    SAMPLE_NOW(3012, true),
    /** 3013 启动清洗/反吹. */
    START_CLEANING(3013, true),
    /** 3014 比对采样 (HJ/T 212-2005 used 3014 for "set sampling interval"). */
    COMPARISON_SAMPLING(3014, true),
    /** 3015 超标留样 ({@code VaseNo} upward). */
    OVER_LIMIT_SAMPLE_RETENTION(3015, true),
    /** 3016 设置采样时间周期. */
    SET_SAMPLING_PERIOD(3016, true),
    /** 3017 提取/上传采样时间周期. */
    SAMPLING_PERIOD(3017, true),
    /** 3018 提取/上传出样时间. */
    SAMPLE_OUTPUT_TIME(3018, true),
    /** 3019 提取/上传设备唯一标识 ({@code xxxxxx-SN}). */
    INSTRUMENT_ID(3019, true),
    /** 3020 提取/上传现场机信息 ({@code xxxxxx-Info}, logs). */
    DEVICE_INFO(3020, true),
    /** 3021 设置现场机参数. */
    SET_DEVICE_PARAMETER(3021, true),
    /** 9011 请求应答 ({@code QnRtn}). */
    REQUEST_ANSWER(9011, true),
    /** 9012 执行结果 ({@code ExeRtn}). */
    EXECUTION_RESULT(9012, true),
    /** 9013 通知应答. */
    NOTIFICATION_ANSWER(9013, true),
    /** 9014 数据应答. */
    DATA_ANSWER(9014, true),

    // Not HJ 212-2017: codes of HJ 212-2025 and of vendor protocols (hj212-2017.md §8). Accepted in lenient
    // mode only, and only while they are in the codec's extension list.
    /** 1001 (HJ 212-2025) hardware serial upload. */
    EXT_HARDWARE_SERIAL(1001, false),
    /** 1002 (HJ 212-2025) set MN. */
    EXT_SET_MN(1002, false),
    /** 1014 (HJ 212-2025) secret key. */
    EXT_SECRET_KEY(1014, false),
    /** 1070 (vendor) restart. */
    EXT_RESTART(1070, false),
    /** 2013 (HJ 212-2025) raw data. */
    EXT_RAW_DATA(2013, false),
    /** 2052 (HJ 212-2025) noise single measurement. */
    EXT_NOISE_SINGLE(2052, false),
    /** 2062 (HJ 212-2025) automatic standard-check data. */
    EXT_STANDARD_CHECK_DATA(2062, false),
    /** 2111 (HJ 212-2025) furnace temperature 5-minute mean. */
    EXT_FURNACE_TEMPERATURE(2111, false),
    /** 3022 (HJ 212-2025) sample-retention task. */
    EXT_SAMPLE_RETENTION_TASK(3022, false),
    /** 3024 (HJ 212-2025) start standard check. */
    EXT_START_STANDARD_CHECK(3024, false),
    /** 3031 (vendor) working-condition parameters. */
    EXT_WORKING_CONDITION_3031(3031, false),
    /** 3032 (vendor) working-condition parameters. */
    EXT_WORKING_CONDITION_3032(3032, false),
    /** 3033 (vendor) working-condition parameters. */
    EXT_WORKING_CONDITION_3033(3033, false),
    /** 8051 (vendor) cycle data. */
    EXT_CYCLE_DATA(8051, false),
    /** 9015 (HJ 212-2025) heartbeat. */
    EXT_HEARTBEAT(9015, false),
    /** 9017 (vendor) get configuration. */
    EXT_GET_CONFIGURATION(9017, false),
    /** 9018 (vendor) set configuration. */
    EXT_SET_CONFIGURATION(9018, false),
    /** 9021 (vendor) login or heartbeat. */
    EXT_LOGIN(9021, false);

    private static final Cn[] BY_CODE = new Cn[10000];

    static {
        for (Cn cn : values()) {
            BY_CODE[cn.code] = cn;
        }
    }

    private final int code;
    private final boolean standard;

    Cn(int code, boolean standard) {
        this.code = code;
        this.standard = standard;
    }

    /** The four-digit code written on the wire. */
    public int code() {
        return code;
    }

    /** Whether the code is in HJ 212-2017 Table 9; {@code false} for the known extensions. */
    public boolean standard() {
        return standard;
    }

    /** The four digits written on the wire. */
    public String wire() {
        return Integer.toString(code);
    }

    /** The command for a numeric code (0..9999), empty when the code is neither standard nor a known extension. */
    public static Optional<Cn> fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /** Whether a numeric code is one of HJ 212-2017 Table 9. */
    public static boolean isStandard(int code) {
        Cn cn = code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        return cn != null && cn.standard;
    }
}
