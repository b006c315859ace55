Feature: 停产、限产期间的生产
  管控期内企业仍在生产时，平台应产生未响应管控的告警（domain-rules.md §4 ALM-06、ALM-07，§10 第 7、8 行）。

  @matrix @matrix-7 @fault-production-in-stop @rule-ALM-06
  Scenario: 停产时段内产污设施仍在运行（§10 第 7 行）
    Given 现场档案:
      """
      id: S0107
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
      controlPeriods:
        - {kind: STOP, start: 2026-03-01T08:00, end: 2026-03-01T20:00}
      faults:
        - {kind: production-in-stop, target: P1, start: 2026-03-01T10:00, duration: 3h, loadRatio: 1.0}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "ALM-06"
    And 告警 "ALM-06" 与故障 "production-in-stop" 的时间窗重叠
    And 告警与真值相符

  @matrix @matrix-8 @fault-production-above-limit @rule-ALM-07 @slow
  Scenario: 限产 50% 期间按基准的 80% 生产（§10 第 8 行）
    Given 现场档案:
      """
      id: S0108
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
      controlPeriods:
        - {kind: LIMIT, start: 2026-03-03T00:00, end: 2026-03-04T00:00, limitRatio: 0.5}
      faults:
        - {kind: production-above-limit, target: P1, start: 2026-03-03T08:00, end: 2026-03-03T20:00, loadRatio: 0.8}
      """
    When 从 "2026-03-01T00:00" 起运行 3 天
    Then 平台产生告警 "ALM-07"
    And 告警 "ALM-07" 与故障 "production-above-limit" 的时间窗重叠
    And 告警与真值相符

