Feature: 档案与现场不符
  档案缺少总进线、治污表实际接在生产回路、备案启停阈值远高于实际负荷时，平台应提示档案或接线可疑（domain-rules.md §5，§10 第 22、24、29 行）。

  @matrix @matrix-24 @fault-archive-no-main-point @rule-DQ-02
  Scenario: 企业档案无总进线点位（§10 第 24 行）
    Given 现场档案:
      """
      id: S0124
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
      archive:
        notArchived: [M1]
      faults:
        - {kind: archive-no-main-point, target: S0124, start: 2026-03-01T00:00, end: 2026-03-02T00:00}
        - {kind: archive-unregistered-points, target: M1, start: 2026-03-01T00:00, end: 2026-03-02T00:00}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-02"
    And 平台产生告警 "DQ-15"
    And 告警与真值相符

  # The treatment meter's 50/5 CT cannot carry the 55 kW it then reads: DQ-17 (aboveRated) and DQ-13 fire too, and
  # DQ-16(a) compares the meters' own readings, not the states DQ-17 makes NO_DATA. The seventh day is judged once
  # its 24:00 records have come (the multi-day rules' long evaluation waits for the day to close).
  @matrix @matrix-22 @fault-meter-on-wrong-circuit @rule-DQ-16 @slow
  Scenario: 治污表实际接在生产回路上，运行 7 天（§10 第 22 行）
    Given 现场档案:
      """
      id: S0122
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
        - {kind: meter-on-wrong-circuit, target: T1, start: 2026-03-01T00:00, end: 2026-03-08T00:00, actualPointId: P1}
      """
    When 从 "2026-03-01T00:00" 起运行 7 天
    Then 平台产生告警 "DQ-16"
    And 告警 "DQ-16" 与故障 "meter-on-wrong-circuit" 的时间窗重叠

  @matrix @matrix-29 @fault-archive-p-on-too-high @rule-DQ-16 @slow
  Scenario: 备案启停阈值 70 kW，实际负荷约 15 kW，运行 30 天（§10 第 29 行）
    Given 现场档案:
      """
      id: S0129
      name: 场景测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}, limits: {pOnKw: 70}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: archive-p-on-too-high, target: T1, start: 2026-03-01T00:00, end: 2026-03-31T00:00}
      """
    When 从 "2026-03-01T00:00" 起运行 30 天
    Then 平台产生告警 "DQ-16"
    And 告警与真值相符

