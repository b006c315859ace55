@rule-ALM-01 @fault-treatment-off
Feature: 治污设施停运告警
  产污设施运行而其关联的治污设施停运时，平台应产生 ALM-01 告警（domain-rules.md §4、§10 第 1、4 行），
  且不应因此产生数据质量告警。现场：一条总进线、一台产污设施、一台治污设施，一台 DTU。

  @matrix @matrix-1
  Scenario: 生产期间治污设施停运 2 小时（§10 第 1 行）
    Given 现场档案:
      """
      id: S0101
      name: 停运测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 200/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-off, target: T1, start: 2026-03-01T10:00, duration: 2h}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "ALM-01" 子类型 "midRun" 等级 2
    And 告警 "ALM-01" 与故障 "treatment-off" 的时间窗重叠
    And 平台不产生告警 "DQ-*"

  @matrix @matrix-4
  Scenario: 4 小时生产期间治污设施始终未开（§10 第 4 行）
    Given 现场档案:
      """
      id: S0104
      name: 未开启测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-12:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 200/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-off, target: T1, start: 2026-03-01T07:00, end: 2026-03-01T13:00}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "ALM-01" 子类型 "notStarted"
    And 告警 "ALM-01" 与故障 "treatment-off" 的时间窗重叠
