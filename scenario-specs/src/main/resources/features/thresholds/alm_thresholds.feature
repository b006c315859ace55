Feature: 运行与管控告警的阈值
  每条 ALM 规则一个场景大纲：示例的一行刚好低于阈值（不告警），一行刚好达到或高于阈值（告警）
  （domain-rules.md §4、附录 A；docs/scenarios.md「Rule coverage」）。采样周期 Δ = 15 分钟，
  所以时长阈值只能按采样数跨越：低于阈值的一行少一个采样。现场：一条总进线、一台产污设施、一台治污设施，一台 DTU。

  @rule-ALM-01 @threshold @fault-treatment-off
  Scenario Outline: 生产期间治污设施停运 <时长>：<结果>ALM-01
    跨越 alm.notRunningMinMin（默认 30 分钟 = 2 个采样）：停运 1 个采样不告警，2 个采样告警。
    Given 现场档案:
      """
      id: TA01
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-off, target: T1, start: 2026-03-01T10:00, duration: <时长>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-01"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-ALM-02 @threshold @fault-treatment-shifted
  Scenario Outline: 治污设施晚于生产 <延迟> 开启、宽限 <宽限> 分钟：<结果>ALM-02
    跨越 alm.lateStartMinSamples（默认 1 个采样）与 alm.graceStartMin（默认 0）：不晚开不告警；晚 1 个采样
    （15 分钟）在宽限 14 分钟时告警，宽限 15 分钟时不告警（后开时长 ≤ 宽限不告警）。
    Given 现场档案:
      """
      id: TA02
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-shifted, target: T1, start: 2026-03-01T07:00, end: 2026-03-01T13:00, startDelay: <延迟>}
      """
    And 规则参数:
      | 参数              | 值     |
      | alm.graceStartMin | <宽限> |
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-02"
    And 平台不产生告警 "ALM-01"

    Examples:
      | 延迟 | 宽限 | 结果   |
      | 0    | 0    | 不产生 |
      | 15m  | 15   | 不产生 |
      | 15m  | 14   | 产生   |

  @rule-ALM-03 @threshold @fault-treatment-shifted
  Scenario Outline: 治污设施早于生产 <提前> 停止、宽限 <宽限> 分钟：<结果>ALM-03
    跨越 alm.earlyStopMinSamples（默认 1 个采样）与 alm.graceStopMin（默认 0）：不早停不告警；早 1 个采样
    （15 分钟）在宽限 14 分钟时告警，宽限 15 分钟时不告警。
    Given 现场档案:
      """
      id: TA03
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-11:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-shifted, target: T1, start: 2026-03-01T07:00, end: 2026-03-01T13:00, stopAdvance: <提前>}
      """
    And 规则参数:
      | 参数             | 值     |
      | alm.graceStopMin | <宽限> |
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-03"
    And 平台不产生告警 "ALM-01"

    Examples:
      | 提前 | 宽限 | 结果   |
      | 0    | 0    | 不产生 |
      | 15m  | 15   | 不产生 |
      | 15m  | 14   | 产生   |

  @rule-ALM-04 @threshold @fault-treatment-under-load
  Scenario Outline: 风机转速比 <转速比>、持续 <时长>：<结果>ALM-04
    跨越 state.lowLoadRatio（默认 0.5 × P_ref；风机功率随转速立方，转速比 0.794 时为 0.5）与 alm.lowLoadMinMin
    （默认 60 分钟 = 4 个采样）：0.76（0.44 × P_ref）持续 45 分钟不告警、60 分钟告警；0.82（0.55 × P_ref）不是低负荷。
    低负荷需要基准功率，档案填报 P_ref。
    Given 现场档案:
      """
      id: TA04
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}, limits: {pOnKw: 1.5, pRefKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-under-load, target: T1, start: 2026-03-01T09:00, duration: <时长>, speedRatio: <转速比>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-04"
    And 平台不产生告警 "ALM-01"

    Examples:
      | 转速比 | 时长 | 结果   |
      | 0.76   | 45m  | 不产生 |
      | 0.76   | 1h   | 产生   |
      | 0.82   | 2h   | 不产生 |

  @rule-ALM-05 @threshold @fault-production-above-limit
  Scenario Outline: 产污设施以 <负荷比> 倍额定负荷运行 <时长>：<结果>ALM-05
    跨越 alm.overLimitMinMin（默认 30 分钟 = 2 个采样）与 P_hi（默认 state.highRatio 1.1 × P_ref = 60.5 kW）：
    1.3 倍（71.5 kW）持续 15 分钟不告警、30 分钟告警；1.0 倍（55 kW）不越限。超负荷由 production-above-limit 故障
    在管控期之外制造（它让产污设施按 loadRatio 运行）。
    Given 现场档案:
      """
      id: TA05
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}, limits: {pOnKw: 11, pRefKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: production-above-limit, target: P1, start: 2026-03-01T10:00, duration: <时长>, loadRatio: <负荷比>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-05"

    Examples:
      | 负荷比 | 时长 | 结果   |
      | 1.3    | 15m  | 不产生 |
      | 1.3    | 30m  | 产生   |
      | 1.0    | 2h   | 不产生 |

  @rule-ALM-06 @threshold @fault-production-in-stop
  Scenario Outline: 停产时段内产污设施运行 <时长>：<结果>ALM-06
    跨越 alm.stopPeriodMinMin（默认 30 分钟 = 2 个采样）：停产期间生产 1 个采样不告警，2 个采样告警（等级 1）。
    Given 现场档案:
      """
      id: TA06
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      controlPeriods:
        - {kind: STOP, start: 2026-03-01T08:00, end: 2026-03-01T20:00}
      faults:
        - {kind: production-in-stop, target: P1, start: 2026-03-01T10:00, duration: <时长>, loadRatio: 1.0}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-06"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-ALM-06 @threshold @slow
  Scenario Outline: 停产日仍有 <间接负荷> kW 间接用电：<结果>ALM-06 mainResidual
    跨越 alm.stopResidualRatio（默认 0.25，连续 alm.stopResidualHours = 2 小时）：基准小时（前两天的生产小时）总表每小时
    ≈ 1.04 ×（55 + 15 + 间接负荷）kWh，停产令只管 1#定型机，停产时总表只剩间接负荷；20 kW（0.22 × 基准）不告警，
    27 kW（0.28 × 基准）告警。要基准天，运行 3 天，标为 @slow。twin 没有「生产挪到未计量回路」的故障，
    所以大纲不带 @fault 标签。
    Given 现场档案:
      """
      id: TA16
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
        - {id: I1, name: 辅助车间, kind: INDIRECT, meter: {ct: 100/5}, load: {shape: STEADY, ratedKw: <间接负荷>}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      controlPeriods:
        - {kind: STOP, start: 2026-03-03T08:00, end: 2026-03-03T20:00, production: P1}
      """
    When 从 "2026-03-01T00:00" 起运行 3 天
    Then 平台<结果>告警 "ALM-06" 子类型 "mainResidual"

    Examples:
      | 间接负荷 | 结果   |
      | 20       | 不产生 |
      | 27       | 产生   |

  @rule-ALM-07 @threshold @fault-production-above-limit @slow
  Scenario Outline: 限产 50% 期间按基准的 <负荷比> 生产：<结果>ALM-07
    跨越 alm.limitTolerance（默认 0.10）：允许 A = 0.5 × 基准 B，告警线 A × 1.1 = 0.55 × B；按 0.52 × B 生产不告警，
    0.58 × B 告警（连续 alm.limitMinHours = 2 小时）。基准取限产前两天的生产小时（alm.baselineDays 默认 30 天，
    数据只有两天时取两天），所以运行 3 天，标为 @slow。
    Given 现场档案:
      """
      id: TA07
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      controlPeriods:
        - {kind: LIMIT, start: 2026-03-03T00:00, end: 2026-03-04T00:00, limitRatio: 0.5}
      faults:
        - {kind: production-above-limit, target: P1, start: 2026-03-03T08:00, end: 2026-03-03T20:00, loadRatio: <负荷比>}
      """
    When 从 "2026-03-01T00:00" 起运行 3 天
    Then 平台<结果>告警 "ALM-07"

    Examples:
      | 负荷比 | 结果   |
      | 0.52   | 不产生 |
      | 0.58   | 产生   |

  @rule-ALM-07 @threshold @fault-production-above-limit
  Scenario Outline: 按生产线限产，允许 <允许线数> 条线、两条线都在运行：<结果>ALM-07 lineMode
    跨越限产令的允许运行线数（档案 allowedLines），两条线运行时间远超 alm.stopPeriodMinMin（30 分钟）：允许 2 条不告警，
    允许 1 条告警。这里变的是阈值（档案），不是现场：限产期内两条线都按 production-above-limit 的 0.6 倍运行。
    Given 现场档案:
      """
      id: TA17
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: P2, name: 2#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: [P1, P2], groups: G1}
      controlPeriods:
        - {kind: LIMIT, start: 2026-03-01T09:00, end: 2026-03-01T12:00, limitRatio: 0.5, allowedLines: <允许线数>}
      faults:
        - {kind: production-above-limit, target: P2, start: 2026-03-01T09:00, end: 2026-03-01T12:00, loadRatio: 0.6}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-07" 子类型 "lineMode"

    Examples:
      | 允许线数 | 结果   |
      | 2        | 不产生 |
      | 1        | 产生   |

  @rule-ALM-08 @threshold @fault-production-in-stop
  Scenario Outline: 错峰生产时段内产污设施运行 <时长>：<结果>ALM-08
    跨越 alm.stopPeriodMinMin（默认 30 分钟 = 2 个采样），与 ALM-06 同样判定：错峰时段内生产 1 个采样不告警，2 个采样告警。
    Given 现场档案:
      """
      id: TA08
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      controlPeriods:
        - {kind: OFF_PEAK, start: 2026-03-01T09:00, end: 2026-03-01T12:00}
      faults:
        - {kind: production-in-stop, target: P1, start: 2026-03-01T10:00, duration: <时长>, loadRatio: 1.0}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-08"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-ALM-09 @threshold @fault-duty-switch
  Scenario Outline: 备用风机 8 小时未运行，提醒阈值 <天数> 天：<结果>ALM-09
    跨越 alm.standbyIdleDays（默认 30 天）：为让运行只有几小时，阈值按比例缩小，绕固定的空闲时长变动：
    备用风机从运行开始一直未运行（约 7.75 小时），阈值 0.3 天（7.2 小时）提醒，0.35 天（8.4 小时）不提醒。
    主用风机在中午按 duty-switch 交给备用之前的一段就是备用的空闲期。
    Given 现场档案:
      """
      id: TA09
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["00:00-24:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机（主）, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
        - {id: T2, name: 1#引风机（备）, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1, T2], required: 1}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: duty-switch, target: T1, start: 2026-03-01T08:00, end: 2026-03-01T09:00}
      """
    And 规则参数:
      | 参数                | 值     |
      | alm.standbyIdleDays | <天数> |
    When 从 "2026-03-01T00:00" 起运行 9 小时
    Then 平台<结果>告警 "ALM-09"
    And 平台不产生告警 "ALM-01"

    Examples:
      | 天数 | 结果   |
      | 0.35 | 不产生 |
      | 0.3  | 产生   |

  @rule-ALM-10 @threshold @fault-treatment-under-load
  Scenario Outline: 夜间治污风机转速比 <转速比>：<结果>ALM-10
    跨越 alm.nightRatioMin（默认 0.5）：昼夜都满负荷生产，夜间（22:00–06:00）治污风机降速，ρ =（夜间治污/生产）÷
    （日间治污/生产）≈ 转速比³；0.82 时 ρ ≈ 0.55 不告警，0.76 时 ρ ≈ 0.44 告警（夜间生产占日间的比例远高于
    alm.nightProdShareMin 0.2）。夜间结束（06:00）才判定，所以运行到次日 08:00。
    Given 现场档案:
      """
      id: TA10
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["00:00-24:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}, limits: {pOnKw: 1.5, pRefKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-under-load, target: T1, start: 2026-03-01T22:00, end: 2026-03-02T06:00, speedRatio: <转速比>}
      """
    When 从 "2026-03-01T05:00" 起运行 27 小时
    Then 平台<结果>告警 "ALM-10"

    Examples:
      | 转速比 | 结果   |
      | 0.82   | 不产生 |
      | 0.76   | 产生   |

  @rule-ALM-11 @threshold @fault-enterprise-outage
  Scenario Outline: 全厂停电 <开始> 起 <时长>：<结果>ALM-11
    跨越 alm.outageVoltageRatio（默认 0.1 × U_n）持续至少 1 个采样：停电落在两个采样之间（10:05–10:10）时没有一个采样
    看到电压低于阈值，不告警；停电覆盖一个采样（10:00）即告警。
    Given 现场档案:
      """
      id: TA11
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: enterprise-outage, target: TA11, start: 2026-03-01T<开始>, duration: <时长>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "ALM-11"
    And 平台不产生告警 "ALM-01"

    Examples:
      | 开始  | 时长 | 结果   |
      | 10:05 | 5m   | 不产生 |
      | 10:00 | 15m  | 产生   |
