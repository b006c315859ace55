Feature: 电流互感器接反与功率正负交替
  CT 接反、功率符号交替时，平台应产生负功率或符号交替告警，并按接线方式区分（domain-rules.md §5 DQ-08，§10 第 12～15、30 行）。

  @matrix @matrix-12 @fault-reversed-ct @rule-DQ-08
  Scenario: 三相四线，A 相 CT 接反（§10 第 12 行）
    Given 现场档案:
      """
      id: S0112
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
        - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, end: 2026-03-02T00:00, phaseA: true}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-08" 子类型 "phase"
    And 平台不产生告警 "DQ-08" 子类型 "total"
    And 告警与真值相符

  # P1's meter reports combined active energy (组合有功 = 正向 − 反向, energy: COMBINED): with every CT reversed the
  # measured power is negative and the reading falls (DQ-07); an import register would only stall.
  @matrix @matrix-13 @fault-reversed-ct @rule-DQ-08 @rule-DQ-07
  Scenario: 三相四线，三相 CT 全部接反，组合有功电表（§10 第 13 行）
    Given 现场档案:
      """
      id: S0113
      name: 场景测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5, energy: COMBINED}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, end: 2026-03-03T00:00, phaseA: true, phaseB: true, phaseC: true}
      """
    When 从 "2026-02-28T00:00" 起运行 2 天
    Then 平台产生告警 "DQ-08" 子类型 "total"
    And 平台产生告警 "DQ-08" 子类型 "phase"
    And 平台产生告警 "DQ-07"
    And 告警与真值相符

  @matrix @matrix-14 @fault-reversed-ct @rule-DQ-08
  Scenario: 三相三线，第 2 元件 CT 接反（§10 第 14 行）
    Given 现场档案:
      """
      id: S0114
      name: 场景测试企业
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
        - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, end: 2026-03-02T00:00, phaseC: true}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-08" 子类型 "total"
    And 平台不产生告警 "DQ-08" 子类型 "phase"
    And 告警与真值相符

  @matrix @matrix-15 @fault-reversed-ct @rule-DQ-08
  Scenario: 三相三线，第 1 元件 CT 接反：已知盲区，不产生负功率告警（§10 第 15 行）
    Given 现场档案:
      """
      id: S0115
      name: 场景测试企业
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
        - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, end: 2026-03-02T00:00, phaseA: true}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台不产生告警 "DQ-08"
    And 告警与真值相符

  @matrix @matrix-30 @fault-sign-flapping @rule-DQ-08
  Scenario: 电表输出功率正负交替（§10 第 30 行）
    Given 现场档案:
      """
      id: S0130
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
        - {kind: sign-flapping, target: P1, start: 2026-03-01T00:00, end: 2026-03-02T00:00}
      """
    When 从 "2026-03-01T00:00" 起运行 2 天
    Then 平台产生告警 "DQ-08" 子类型 "signAlternation"
    And 告警与真值相符

