Feature: 数据传输与设备档案
  MN 未下发、设备时钟偏差、表计多于备案时，平台应产生相应的数据质量告警（domain-rules.md §5，§10 第 11、26、31 行）。

  # The platform never answers a device under an unregistered MN (the testbed does not hold the virtual clock for
  # such answers). The run is kept to 4 hours, so dq.firstDataHours (24 h) is scaled to 3 hours as in the DQ-05
  # threshold outline. The DTU's frames under its
  # factory MN are quarantined; the registry's hints (its PW, meters the DTU archives, sent after networking while its
  # own MN was never heard) tie them to this site's DTU alone: DQ-15 unregisteredMn. The archived MN is never heard:
  # DQ-05.
  @matrix @matrix-11 @fault-mn-not-delivered @rule-DQ-15 @rule-DQ-05
  Scenario: MN 未下发，设备使用出厂默认 MN（§10 第 11 行）
    Given 现场档案:
      """
      id: S0111
      name: 场景测试企业
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
        - {kind: mn-not-delivered, target: P1, start: 2026-03-01T08:00, duration: 4h}
      """
    And 规则参数:
      | 参数              | 值 |
      | dq.firstDataHours | 3  |
    When 从 "2026-03-01T08:00" 起运行 4 小时
    Then 平台产生告警 "DQ-15" 子类型 "unregisteredMn"
    And 平台产生告警 "DQ-05"
    And 告警与真值相符

  @matrix @matrix-26 @fault-clock-drift @rule-DQ-18
  Scenario: DTU 时钟快 20 分钟（§10 第 26 行）
    Given 现场档案:
      """
      id: S0126
      name: 场景测试企业
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
        - {kind: clock-drift, target: P1, start: 2026-03-01T00:00, end: 2026-03-02T00:00, offset: 20m}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-18"
    And 告警与真值相符

  @matrix @matrix-31 @fault-archive-unregistered-points @rule-DQ-15
  Scenario: DTU 下接的表计多于备案点位（§10 第 31 行）
    Given 现场档案:
      """
      id: S0131
      name: 场景测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
        - {id: P2, name: 2#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 45}}
        - {id: P3, name: 3#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 40}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      archive:
        notArchived: [P2, P3]
      faults:
        - {kind: archive-unregistered-points, target: P2, start: 2026-03-01T00:00, end: 2026-03-02T00:00}
        - {kind: archive-unregistered-points, target: P3, start: 2026-03-01T00:00, end: 2026-03-02T00:00}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-15"
    And 平台不产生告警 "DQ-05"
    And 告警与真值相符

