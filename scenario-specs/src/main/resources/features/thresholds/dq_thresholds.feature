Feature: 数据质量告警的阈值
  每条 DQ 规则一个场景大纲：示例的一行刚好低于阈值（不告警），一行刚好达到或高于阈值（告警）
  （domain-rules.md §5、附录 A；docs/scenarios.md「Rule coverage」）。现场能制造的故障量（时长、倍数、跳变电量、频率…）
  围绕规则的默认阈值变动；现场做不细的，用「规则参数」把阈值围绕固定的故障量变动。按日判定的规则要等当天结束
  （收到次日 00:00 的记录），所以运行跨过午夜；需要完整一天的，从前一天 23:00 起运行 26 小时。

  @rule-DQ-01 @threshold @fault-archive-unregistered-points
  Scenario Outline: 档案未备案 <未备案>：<结果>DQ-01
    阈值是「至少一个点位」：只剩总进线一个备案点位不告警，三个点位都未备案告警（其余两个规则 DQ-03、DQ-04 此时另行告警）。
    未备案的产污、治污表照常上报，是「表计多于备案」（archive-unregistered-points）。
    Given 现场档案:
      """
      id: TD01
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
      archive:
        notArchived: <未备案>
      faults:
        - {kind: archive-unregistered-points, target: P1, start: 2026-03-01T00:00, end: 2026-03-01T03:00}
        - {kind: archive-unregistered-points, target: T1, start: 2026-03-01T00:00, end: 2026-03-01T03:00}
      """
    When 从 "2026-03-01T00:00" 起运行 2 小时
    Then 平台<结果>告警 "DQ-01"

    Examples:
      | 未备案       | 结果   |
      | [P1, T1]     | 不产生 |
      | [M1, P1, T1] | 产生   |

  @rule-DQ-02 @threshold @fault-archive-no-main-point
  Scenario Outline: 总进线按 <档案类型> 备案：<结果>DQ-02
    阈值是「至少一个 MAIN 点位」：总进线备案为 MAIN 不告警，备案成间接用电（INDIRECT）时企业没有总进线，告警。
    Given 现场档案:
      """
      id: TD02
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
      archive:
        points:
          - {id: M1, kind: <档案类型>}
      faults: <故障>
      """
    When 从 "2026-03-01T00:00" 起运行 2 小时
    Then 平台<结果>告警 "DQ-02"

    Examples:
      | 档案类型 | 故障                                                                                          | 结果   |
      | MAIN     | []                                                                                            | 不产生 |
      | INDIRECT | [{kind: archive-no-main-point, target: TD02, start: 2026-03-01T00:00, end: 2026-03-01T03:00}] | 产生   |

  @rule-DQ-03 @threshold
  Scenario Outline: 唯一的产污表按 <档案类型> 备案：<结果>DQ-03
    阈值是「至少一个产污点位（PROD 或 PROD_TREAT）」：产污表备案为产治一体仍算生产覆盖，不告警；备案成治污（种子的建材厂：
    喷漆房进线备案为「废气处理」）时企业没有产污点位，告警。twin 没有「点位类型备案错误」的故障，所以大纲不带 @fault 标签。
    Given 现场档案:
      """
      id: TD03
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
      archive:
        points:
          - {id: P1, kind: <档案类型>}
      """
    When 从 "2026-03-01T00:00" 起运行 2 小时
    Then 平台<结果>告警 "DQ-03"

    Examples:
      | 档案类型   | 结果   |
      | PROD_TREAT | 不产生 |
      | TREAT      | 产生   |

  @rule-DQ-04 @threshold
  Scenario Outline: 唯一的治污表按 <档案类型> 备案：<结果>DQ-04
    阈值是「至少一个 TREAT 点位」，产治一体从不算治污覆盖（D6）：治污表备案为 TREAT 不告警，备案成 PROD_TREAT 告警。
    twin 没有「点位类型备案错误」的故障，所以大纲不带 @fault 标签。
    Given 现场档案:
      """
      id: TD04
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
      archive:
        points:
          - {id: T1, kind: <档案类型>}
      """
    When 从 "2026-03-01T00:00" 起运行 2 小时
    Then 平台<结果>告警 "DQ-04"

    Examples:
      | 档案类型   | 结果   |
      | TREAT      | 不产生 |
      | PROD_TREAT | 产生   |

  @rule-DQ-05 @threshold @fault-lora-loss
  Scenario Outline: 治污表联网后 6 小时无数据，阈值 <小时> 小时：<结果>DQ-05
    跨越 dq.firstDataHours（默认 24 小时）：为让运行只有 6 小时，阈值围绕固定的 6 小时无数据变动：阈值 7 小时不告警，
    5 小时告警（点位级 pointNoDataAfterNetworking：同一 DTU 的其他表在上报）。治污表的 LoRa 一直丢包（lossProbability 1）。
    Given 现场档案:
      """
      id: TD05
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
        - {kind: lora-loss, target: T1, start: 2026-03-01T00:00, end: 2026-03-01T07:00, lossProbability: 1.0}
      """
    And 规则参数:
      | 参数              | 值     |
      | dq.firstDataHours | <小时> |
    When 从 "2026-03-01T00:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-05"

    Examples:
      | 小时 | 结果   |
      | 7    | 不产生 |
      | 5    | 产生   |

  @rule-DQ-06 @threshold @fault-uplink-outage
  Scenario Outline: DTU 上行中断 2 小时 30 分钟，离线阈值 <分钟> 分钟：<结果>DQ-06
    跨越 dq.offlineMin（默认 30 分钟）。上行中断期间记录存在 DTU 里，恢复后补传，补齐的缺口在重新判定时消失；平台在
    场景里每小时判定一次（ScenarioWorld.JUDGEMENT），所以能看到的最长静默是中断期间最后一次判定时的静默（约 2 小时）。
    LoRa 丢包（lora-loss）在 twin 里不按时间窗生效（整次运行都丢），做不出一段永久缺口；所以阈值围绕固定的中断变动：
    离线阈值 150 分钟不告警，100 分钟告警（告警随后以 recoveredByResend 关闭）。
    Given 现场档案:
      """
      id: TD06
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T09:00, duration: 2h30m}
      """
    And 规则参数:
      | 参数          | 值     |
      | dq.offlineMin | <分钟> |
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-06"

    Examples:
      | 分钟 | 结果   |
      | 150  | 不产生 |
      | 100  | 产生   |

  @rule-DQ-07 @threshold @fault-register-reset @fault-register-rollover
  Scenario Outline: 表码距满量程 <距满量程> kWh 时清零：<结果>DQ-07
    跨越 EM-07 的翻转判定（DQ-07 只报不是翻转的减小）：表码高于 0.9 × 满量程、清零后低于 0.1 × 满量程，且折算的
    ΔE = 满量程 − 前值 + 现值 不超过 DQ-13 的物理上限 dq.physicalCapFactor × Δ × S_rated（1.2 × 0.25 h × 98.7 kVA
    ≈ 29.6 kWh）时算翻转，不告警。先把表码置到满量程以下 20 kWh（算翻转，不告警）或 40 kWh（超过上限，是清零，告警），
    夜间停产、表码不走，再清零。
    Given 现场档案:
      """
      id: TD07
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
        - {kind: register-rollover, target: P1, start: 2026-03-01T21:00, duration: 1h, belowMaxKwh: <距满量程>}
        - {kind: register-reset, target: P1, start: 2026-03-01T21:30, duration: 1h}
      """
    When 从 "2026-03-01T20:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-07"

    Examples:
      | 距满量程 | 结果   |
      | 20       | 不产生 |
      | 40       | 产生   |

  @rule-DQ-08 @threshold @fault-reversed-ct
  Scenario Outline: 三相三线第 2 元件 CT 接反 <时长>：<结果>DQ-08 total
    DQ-08a 跨越 dq.minConsecutiveSamples（默认 2 个连续采样）：总功率为负 1 个采样不告警，2 个采样告警。
    Given 现场档案:
      """
      id: TD08
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, circuit: {wiring: 3P3W}, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: reversed-ct, target: P1, start: 2026-03-01T10:00, duration: <时长>, phaseC: true}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-08" 子类型 "total"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-DQ-08 @threshold @fault-reversed-ct
  Scenario Outline: 三相四线 A 相 CT 接反 <时长>：<结果>DQ-08 phase
    DQ-08b 跨越 dq.minConsecutiveSamples（默认 2 个连续采样）：A 相功率为负 1 个采样不告警，2 个采样告警。
    Given 现场档案:
      """
      id: TD18
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
        - {kind: reversed-ct, target: P1, start: 2026-03-01T10:00, duration: <时长>, phaseA: true}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-08" 子类型 "phase"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-DQ-08 @threshold @fault-sign-flapping
  Scenario Outline: 功率正负交替 <时长>：<结果>DQ-08 signAlternation
    DQ-08c 跨越 dq.signFlipsPerDay（默认 4 次）：twin 让功率符号逐个采样交替，30 分钟只有一个负值采样（变号 2 次），
    不告警；1 小时有两个（变号 4 次），告警。按日判定，运行跨过午夜。
    Given 现场档案:
      """
      id: TD28
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["00:00-24:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: sign-flapping, target: P1, start: 2026-03-01T22:00, duration: <时长>}
      """
    When 从 "2026-03-01T20:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-08" 子类型 "signAlternation"

    Examples:
      | 时长 | 结果   |
      | 30m  | 不产生 |
      | 1h   | 产生   |

  @rule-DQ-09 @threshold @fault-register-jump
  Scenario Outline: 产污表表码跳变 +<跳变> kWh：<结果>DQ-09
    跨越 dq.energyPowerMaxHours（默认 25 小时）：日电量 E_D ≈ 12 h × 55 kW = 660 kWh，日最大功率约 55–57 kW，
    告警线 25 × P_max,D ≈ 1 375–1 430 kWh；跳变 650 kWh（E_D ≈ 1 310）不告警，850 kWh（E_D ≈ 1 510）告警。
    Given 现场档案:
      """
      id: TD09
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
        - {kind: register-jump, target: P1, start: 2026-03-01T10:00, duration: 1h, jumpKwh: <跳变>}
      """
    When 从 "2026-02-28T23:00" 起运行 26 小时
    Then 平台<结果>告警 "DQ-09"

    Examples:
      | 跳变 | 结果   |
      | 650  | 不产生 |
      | 850  | 产生   |

  @rule-DQ-10 @threshold @fault-register-jump
  Scenario Outline: 产污表表码跳变 +<跳变> kWh：<结果>DQ-10
    跨越 dq.physicalCapFactor（默认 1.2）的物理上限 1.2 × 24 h × S_rated（380 V、150/5 CT：S_rated = 98.7 kVA，
    上限 ≈ 2 843 kWh；类型上限 dq.energyCapOtherKwh 100 000 kWh 远在其上）：日电量 660 + 2 000 ≈ 2 660 kWh 不告警，
    660 + 2 400 ≈ 3 060 kWh 告警。
    Given 现场档案:
      """
      id: TD10
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
        - {kind: register-jump, target: P1, start: 2026-03-01T10:00, duration: 1h, jumpKwh: <跳变>}
      """
    When 从 "2026-02-28T23:00" 起运行 26 小时
    Then 平台<结果>告警 "DQ-10"

    Examples:
      | 跳变 | 结果   |
      | 2000 | 不产生 |
      | 2400 | 产生   |

  @rule-DQ-11 @threshold @fault-wrong-ct-ratio
  Scenario Outline: 产污表变比放大 <倍数> 倍：<结果>DQ-11
    跨越 dq.subOverMainTol（默认 0.05）与 dq.subOverMainAbsKw（默认 1 kW）的实时判定：总表 = 1.04 ×（55 + 15）≈ 72.8 kW，
    告警线 1.05 × 72.8 + 1 ≈ 77.4 kW；子表之和 55 × 倍数 + 15：1.08 倍（74.4 kW）不告警，1.2 倍（81 kW）告警
    （连续 dq.minConsecutiveSamples = 2 个采样）。
    Given 现场档案:
      """
      id: TD11
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
        - {kind: wrong-ct-ratio, target: P1, start: 2026-03-01T10:00, duration: 2h, factor: <倍数>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-11"

    Examples:
      | 倍数 | 结果   |
      | 1.08 | 不产生 |
      | 1.2  | 产生   |

  @rule-DQ-12 @threshold @fault-frozen-meter
  Scenario Outline: 电表冻结 <时长>：<结果>DQ-12
    跨越 dq.constantSamples（默认 8 个采样 = 2 小时，dq.constantEps 0）：冻结 1 小时 45 分钟（7 个相同采样）不告警，
    2 小时（8 个）告警。冻结从 09:05 开始：DTU 在整点读到的是电表前一分钟的值，从采样之间开始才让每个采样清楚地在窗内或窗外。
    Given 现场档案:
      """
      id: TD12
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
        - {kind: frozen-meter, target: P1, start: 2026-03-01T09:05, duration: <时长>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-12"

    Examples:
      | 时长  | 结果   |
      | 1h45m | 不产生 |
      | 2h    | 产生   |

  @rule-DQ-13 @threshold @fault-register-jump
  Scenario Outline: 夜间停产时表码跳变 +<跳变> kWh：<结果>DQ-13
    跨越 dq.physicalCapFactor（默认 1.2）的 15 分钟物理上限 1.2 × Δ × S_rated = 1.2 × 0.25 h × 98.7 kVA ≈ 29.6 kWh：
    停产时 ΔE 就是跳变量，25 kWh 不告警，35 kWh 告警。运行没有 7 天历史，中位数判据（dq.jumpMedianFactor）不参与，
    见下一个 @slow 大纲。
    Given 现场档案:
      """
      id: TD13
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
        - {kind: register-jump, target: P1, start: 2026-03-01T22:00, duration: 1h, jumpKwh: <跳变>}
      """
    When 从 "2026-03-01T20:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-13"

    Examples:
      | 跳变 | 结果   |
      | 25   | 不产生 |
      | 35   | 产生   |

  @rule-DQ-13 @threshold @fault-register-jump @slow
  Scenario Outline: 有 7 天历史、生产中表码跳变 +<跳变> kWh：<结果>DQ-13 median
    跨越 dq.jumpMedianFactor（默认 10）：1000/5 CT 的物理上限 1.2 × 0.25 h × 658 kVA ≈ 197 kWh 在这里不起作用；
    前 7 天（dq.jumpMedianDays）运行采样的 ΔE 中位数 ≈ 13.75 kWh，告警线 137.5 kWh（且 > dq.jumpPmaxFactor 2 × Δ × P_max
    ≈ 28.6 kWh）；ΔE = 13.75 + 跳变：115 kWh（128.75）不告警，140 kWh（153.75）告警。要 8 天历史，标为 @slow。
    Given 现场档案:
      """
      id: TD23
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 1000/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: register-jump, target: P1, start: 2026-03-08T10:00, duration: 1h, jumpKwh: <跳变>}
      """
    When 从 "2026-03-01T00:00" 起运行 9 天
    Then 平台<结果>告警 "DQ-13" 子类型 "median"

    Examples:
      | 跳变 | 结果   |
      | 115  | 不产生 |
      | 140  | 产生   |

  @rule-DQ-14 @threshold @fault-wrong-ct-ratio
  Scenario Outline: 产污表变比在运行中放大 <倍数> 倍：<结果>DQ-14 ratioStep
    跨越 dq.ratioStepMinFactor（默认 4，且在整数的 ±dq.ratioStepTol 0.05 以内）：功率与各相电流一齐跳 3 倍不告警，
    跳 4 倍告警（电压、功率因数不变，持续超过 dq.ratioStepWindowSamples 4 个采样）。产污表用 400/5 CT，
    4 倍后的 220 kW 仍在 DQ-17 的额定上限（1.2 × 263 kVA）以内，采样不被判为 NO_DATA。
    Given 现场档案:
      """
      id: TD14
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 400/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: wrong-ct-ratio, target: P1, start: 2026-03-01T10:00, duration: 2h, factor: <倍数>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-14" 子类型 "ratioStep"

    Examples:
      | 倍数 | 结果   |
      | 3    | 不产生 |
      | 4    | 产生   |

  @rule-DQ-14 @threshold
  Scenario Outline: 企业容量 <容量> kVA：<结果>DQ-14 aboveCapacity
    跨越 dq.physicalCapFactor（默认 1.2）的容量判定：总表日最大功率约 73–76 kW；容量 70 kVA（上限 84 kW）不告警，
    55 kVA（上限 66 kW）告警。这里变的是档案的容量（capacityKva），不是现场，所以大纲不带 @fault 标签。
    Given 现场档案:
      """
      id: TD24
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
      capacityKva: <容量>
      """
    When 从 "2026-02-28T23:00" 起运行 26 小时
    Then 平台<结果>告警 "DQ-14" 子类型 "aboveCapacity"

    Examples:
      | 容量 | 结果   |
      | 70   | 不产生 |
      | 55   | 产生   |

  @rule-DQ-14 @threshold @fault-wrong-ct-ratio @slow
  Scenario Outline: 总进线变比录大 <倍数> 倍，连续 3 天：<结果>DQ-14 subMainRatio
    跨越 dq.subMainRatioMin（默认 0.2，连续 dq.subMainRatioDays = 3 天）：子表之和 ÷ 总表 = 70 ÷（72.8 × 倍数）；
    4.5 倍（0.214）不告警，5.5 倍（0.175）告警。总进线用 1000/5 CT，放大后的读数仍在 DQ-17 的额定上限以内。
    要 3 个完整日，标为 @slow；流式判定每天才加载一次多日数据，所以运行多一天，让第三天结束后的那次判定落在运行之内。
    Given 现场档案:
      """
      id: TD34
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 1000/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: wrong-ct-ratio, target: M1, start: 2026-02-28T23:00, end: 2026-03-04T02:00, factor: <倍数>}
      """
    When 从 "2026-02-28T23:00" 起运行 98 小时
    Then 平台<结果>告警 "DQ-14" 子类型 "subMainRatio"

    Examples:
      | 倍数 | 结果   |
      | 4.5  | 不产生 |
      | 5.5  | 产生   |

  @rule-DQ-15 @threshold @fault-archive-unregistered-points
  Scenario Outline: DTU 下 4 块表、未备案 <未备案>：<结果>DQ-15
    阈值是「每块上报的表都有备案点位」：4 块表都备案不告警，1 块未备案（unregistered point）即告警。
    Given 现场档案:
      """
      id: TD15
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
        - {id: P2, name: 2#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 45}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      archive:
        notArchived: <未备案>
      faults: <故障>
      """
    When 从 "2026-03-01T07:00" 起运行 3 小时
    Then 平台<结果>告警 "DQ-15"

    Examples:
      | 未备案 | 故障                                                                                              | 结果   |
      | []     | []                                                                                                | 不产生 |
      | [P2]   | [{kind: archive-unregistered-points, target: P2, start: 2026-03-01T07:00, end: 2026-03-01T10:00}] | 产生   |

  @rule-DQ-16 @threshold @fault-archive-p-on-too-high
  Scenario Outline: 备案启停阈值 <启停阈值> kW、基准 55 kW：<结果>DQ-16
    DQ-16(d) 的即时判据 P_on > P_ref：启停阈值 50 kW 低于基准 55 kW 不告警，60 kW 高于基准告警（pOnAboveReference）。
    按日判定，运行跨过午夜。30 天的判据（P_on 从未达到）见 data_quality/archive_mismatch.feature（@slow）。
    Given 现场档案:
      """
      id: TD16
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}, limits: {pOnKw: <启停阈值>, pRefKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults: <故障>
      """
    When 从 "2026-03-01T20:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-16"

    Examples:
      | 启停阈值 | 故障                                                                                        | 结果   |
      | 50       | []                                                                                          | 不产生 |
      | 60       | [{kind: archive-p-on-too-high, target: P1, start: 2026-03-01T20:00, end: 2026-03-02T02:00}] | 产生   |

  @rule-DQ-16 @threshold @fault-meter-on-wrong-circuit @slow
  Scenario Outline: 治污表接在生产回路上 2 天，判定天数 <天数>：<结果>DQ-16 sameTimingAsProduction
    DQ-16(a) 跨越 dq.wrongCircuitDays（默认 7 天）：为让运行只有 2 个完整日，阈值围绕固定的 2 天变动：3 天不告警，
    2 天告警（治污表与产污表开停一致、功率比恒定，dq.wrongCircuitCv 0.02）。治污表用 200/5 CT，量到的 55 kW 仍在
    DQ-17 的额定上限以内。故障只占 3 月 1、2 日两天；流式判定每天才加载一次多日数据，所以运行多一天。多天运行，标为 @slow。
    Given 现场档案:
      """
      id: TD26
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 200/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: meter-on-wrong-circuit, target: T1, start: 2026-02-28T23:00, end: 2026-03-03T00:00, actualPointId: P1}
      """
    And 规则参数:
      | 参数                | 值     |
      | dq.wrongCircuitDays | <天数> |
    When 从 "2026-02-28T23:00" 起运行 74 小时
    Then 平台<结果>告警 "DQ-16" 子类型 "sameTimingAsProduction"

    Examples:
      | 天数 | 结果   |
      | 3    | 不产生 |
      | 2    | 产生   |

  @rule-DQ-17 @threshold @fault-vfd-output
  Scenario Outline: 电表装在变频器输出侧，频率 <频率> Hz：<结果>DQ-17
    跨越 dq.freqBandHz 的下限（默认 49.5 Hz，键 dq.freqMinHz）：49.6 Hz 不告警，49.4 Hz 告警。
    Given 现场档案:
      """
      id: TD17
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
        - {kind: vfd-output, target: T1, start: 2026-03-01T10:00, duration: 1h, frequencyHz: <频率>}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-17"

    Examples:
      | 频率 | 结果   |
      | 49.6 | 不产生 |
      | 49.4 | 产生   |

  @rule-DQ-18 @threshold @fault-clock-drift
  Scenario Outline: DTU 时钟快 <偏差>：<结果>DQ-18 notSnappable
    跨越 agg.snapToleranceMin（默认 2 分钟）：DTU 按自己的时钟打数据时间，快 1 分钟的记录仍能对齐到 15 分钟网格，
    不告警；快 3 分钟的对不齐，告警（也早于 dq.futureToleranceMin 的 5 分钟，见下一个大纲）。按日判定，运行跨过午夜。
    Given 现场档案:
      """
      id: TD19
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
        - {kind: clock-drift, target: P1, start: 2026-03-01T20:00, end: 2026-03-02T02:00, offset: <偏差>}
      """
    When 从 "2026-03-01T20:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-18"

    Examples:
      | 偏差 | 结果   |
      | 1m   | 不产生 |
      | 3m   | 产生   |

  # Each record is judged against its own receipt time (stored by the ingest), so the verdict does not depend on when
  # a judgement runs: a record stamped 15 minutes after it arrived is ahead by 15 minutes less the transport delay.
  @rule-DQ-18 @threshold @fault-clock-drift
  Scenario Outline: DTU 时钟快 15 分钟，超前容差 <容差> 分钟：<结果>DQ-18 future
    跨越 dq.futureToleranceMin（默认 5 分钟）。能对齐网格的超前只有整 15 分钟（其余先被对齐容差拦下，见上一个大纲），
    所以阈值围绕固定的 15 分钟超前变动：容差 16 分钟不告警，14 分钟告警。
    Given 现场档案:
      """
      id: TD39
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
        - {kind: clock-drift, target: P1, start: 2026-03-01T20:00, end: 2026-03-02T02:00, offset: 15m}
      """
    And 规则参数:
      | 参数                  | 值     |
      | dq.futureToleranceMin | <容差> |
    When 从 "2026-03-01T20:00" 起运行 6 小时
    Then 平台<结果>告警 "DQ-18" 子类型 "future"

    Examples:
      | 容差 | 结果   |
      | 16   | 不产生 |
      | 14   | 产生   |

  @rule-DQ-19 @threshold @fault-uplink-outage @slow
  Scenario Outline: DTU 上行中断 30 小时后补传，保存天数 <天数>：<结果>DQ-19
    跨越 dtu.retentionDays（默认 30 天，平台按整天读）：为让运行只有两天，阈值围绕固定的 30 小时中断变动：补传的最早记录
    晚到约 30 小时，保存 2 天不告警，1 天告警（beyondRetention）。多天运行，标为 @slow。
    Given 现场档案:
      """
      id: TD29
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T02:00, duration: 30h}
      """
    And 规则参数:
      | 参数              | 值     |
      | dtu.retentionDays | <天数> |
    When 从 "2026-03-01T00:00" 起运行 36 小时
    Then 平台<结果>告警 "DQ-19"

    Examples:
      | 天数 | 结果   |
      | 2    | 不产生 |
      | 1    | 产生   |
