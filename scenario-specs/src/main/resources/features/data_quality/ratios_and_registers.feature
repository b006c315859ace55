Feature: 变比错误与电能表码异常
  总表变比录大、子表变比重复计算、换表清零、表码满量程翻转、表码跳变时，平台应产生相应告警，翻转不应误报（domain-rules.md §5，§10 第 16～20 行）。

  @matrix @matrix-16 @fault-wrong-ct-ratio @rule-DQ-14 @slow
  Scenario: 总进线 CT 变比录大 5 倍，运行 5 天（§10 第 16 行）
    Given 现场档案:
      """
      id: S0116
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
        - {kind: wrong-ct-ratio, target: M1, start: 2026-03-01T00:00, end: 2026-03-06T00:00, factor: 5}
      """
    When 从 "2026-03-01T00:00" 起运行 5 天
    Then 平台产生告警 "DQ-14"
    And 告警与真值相符

  @matrix @matrix-17 @fault-wrong-ct-ratio @rule-DQ-10 @rule-DQ-11
  Scenario: 子表变比重复计算（§10 第 17 行）
    Given 现场档案:
      """
      id: S0117
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
        - {kind: wrong-ct-ratio, target: P1, start: 2026-03-01T00:00, end: 2026-03-03T00:00, factor: 30}
      """
    When 从 "2026-02-28T00:00" 起运行 2 天
    Then 平台产生告警 "DQ-11"
    And 告警 "DQ-11" 与故障 "wrong-ct-ratio" 的时间窗重叠

  @matrix @matrix-18 @fault-register-reset @rule-DQ-07
  Scenario: 换表后电能表码从 0 开始（§10 第 18 行）
    Given 现场档案:
      """
      id: S0118
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
        - {kind: register-reset, target: P1, start: 2026-03-01T10:00, duration: 1h}
      """
    When 从 "2026-02-28T00:00" 起运行 2 天
    Then 平台产生告警 "DQ-07"
    And 告警与真值相符

  @matrix @matrix-19 @fault-register-rollover @rule-DQ-07
  Scenario: 电能表码到最大值后翻转：不应误报（§10 第 19 行）
    Given 现场档案:
      """
      id: S0119
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
        - {kind: register-rollover, target: P1, start: 2026-02-28T00:00, duration: 1h, belowMaxKwh: 1000}
      """
    When 从 "2026-02-28T00:00" 起运行 2 天
    Then 平台不产生告警 "DQ-*"
    And 告警与真值相符

  @matrix @matrix-20 @fault-register-jump @rule-DQ-13 @rule-DQ-09 @rule-DQ-10
  Scenario: 电能表码跳变 +50 000 kWh（§10 第 20 行）
    Given 现场档案:
      """
      id: S0120
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
        - {kind: register-jump, target: P1, start: 2026-03-01T10:00, duration: 1h, jumpKwh: 50000}
      """
    When 从 "2026-02-28T00:00" 起运行 2 天
    Then 平台的告警:
      | 规则  | 结果 |
      | DQ-13 | 产生 |
      | DQ-09 | 产生 |
      | DQ-10 | 产生 |
    And 告警与真值相符

