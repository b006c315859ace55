package io.pollwatt.hj212.message;

import java.util.Optional;

/**
 * 系统编码 ST: which kind of monitoring system sent the frame (HJ 212-2017 Table 5, hj212-2017.md §7).
 *
 * <p>The table is extensible ({@code A0}–{@code Z9} for unknown systems; vendors also use 77, 99 and even 101),
 * so a header carries a {@link SystemCode} and this enum is the meaning of the known codes.
 */
public enum St {
    /** 21 地表水质量监测. */
    SURFACE_WATER_QUALITY("21"),
    /** 22 空气质量监测. */
    AIR_QUALITY("22"),
    /** 23 声环境质量监测. */
    NOISE_QUALITY("23"),
    /** 24 地下水质量监测. */
    GROUNDWATER_QUALITY("24"),
    /** 25 土壤质量监测. */
    SOIL_QUALITY("25"),
    /** 26 海水质量监测. */
    SEAWATER_QUALITY("26"),
    /** 27 挥发性有机物监测. */
    VOC_MONITORING("27"),
    /** 31 大气环境污染源: stack CEMS and VOC analyzers of a source. */
    AIR_POLLUTION_SOURCE("31"),
    /** 32 地表水体环境污染源. */
    SURFACE_WATER_POLLUTION_SOURCE("32"),
    /** 33 地下水体环境污染源. */
    GROUNDWATER_POLLUTION_SOURCE("33"),
    /** 34 海洋环境污染源. */
    MARINE_POLLUTION_SOURCE("34"),
    /** 35 土壤环境污染源. */
    SOIL_POLLUTION_SOURCE("35"),
    /** 36 声环境污染源. */
    NOISE_SOURCE("36"),
    /** 37 振动环境污染源. */
    VIBRATION_SOURCE("37"),
    /** 38 放射性环境污染源. */
    RADIOACTIVE_SOURCE("38"),
    /** 39 工地扬尘污染源. */
    CONSTRUCTION_DUST_SOURCE("39"),
    /** 41 电磁环境污染源. */
    ELECTROMAGNETIC_SOURCE("41"),
    /** 51 烟气排放过程监控: pollwatt's electricity (工况用电) data of every point a DTU reports. */
    FLUE_GAS_PROCESS("51"),
    /** 52 污水排放过程监控. */
    WASTEWATER_PROCESS("52"),
    /** 91 系统交互: every 9011–9014 answer. */
    SYSTEM_INTERACTION("91");

    private final String code;

    St(String code) {
        this.code = code;
    }

    /** The code written on the wire. */
    public String code() {
        return code;
    }

    /** The system type of a wire code, empty for codes outside Table 5. */
    public static Optional<St> fromCode(String code) {
        for (St s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
