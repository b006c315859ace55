Feature: 电表与接线故障的数据质量告警
  电表冻结、缺相、接在变频器输出侧、子表不在总表之下时，平台应产生相应的数据质量告警（domain-rules.md §5、§10 第 21、23、25、32 行）。

  @matrix @matrix-21 @fault-frozen-meter @rule-DQ-12
  Scenario: 电表冻结 3 小时，功率恒定（§10 第 21 行）
    Given 现场档案:
      """
      id: S0121
      name: 数据质量测试企业
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
        - {kind: frozen-meter, target: P1, start: 2026-03-01T10:00, duration: 3h}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-12"
    And 告警 "DQ-12" 与故障 "frozen-meter" 的时间窗重叠

  @matrix @matrix-25 @fault-phase-voltage-lost @rule-DQ-17
  Scenario: B 相电压缺失（§10 第 25 行）
    Given 现场档案:
      """
      id: S0125
      name: 数据质量测试企业
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
        - {kind: phase-voltage-lost, target: P1, start: 2026-03-01T10:00, duration: 2h, phase: b}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-17"
    And 告警 "DQ-17" 与故障 "phase-voltage-lost" 的时间窗重叠

  @matrix @matrix-32 @fault-vfd-output @rule-DQ-17
  Scenario: 电表装在变频器输出侧，频率 45 Hz（§10 第 32 行）
    Given 现场档案:
      """
      id: S0132
      name: 数据质量测试企业
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
        - {kind: vfd-output, target: T1, start: 2026-03-01T10:00, duration: 2h, frequencyHz: 45}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-17"
    And 告警 "DQ-17" 与故障 "vfd-output" 的时间窗重叠

  @matrix @matrix-23 @fault-fed-outside-main @rule-DQ-11
  Scenario: 子表由总表之外的变压器供电（§10 第 23 行）
    Given 现场档案:
      """
      id: S0123
      name: 数据质量测试企业
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
        - {kind: fed-outside-main, target: P1, start: 2026-03-01T00:00, end: 2026-03-02T00:00}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-11"
    And 告警 "DQ-11" 与故障 "fed-outside-main" 的时间窗重叠
