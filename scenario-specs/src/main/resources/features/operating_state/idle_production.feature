@rule-ALM-01 @rule-ALM-02 @rule-ALM-03 @rule-ALM-04
Feature: 不应告警的正常工况
  产污设施未生产时，无论治污设施是否运行，平台都不应产生运行告警（domain-rules.md §10 第 27、28 行）。

  @matrix @matrix-27 @fault-treatment-runs-alone
  Scenario: 治污设施运行、产污设施停产（§10 第 27 行）
    Given 现场档案:
      """
      id: S0127
      name: 单独治污企业
      district: 临平区
      industry: 纺织
      shifts: []
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 200/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-runs-alone, target: T1, start: 2026-03-01T08:00, end: 2026-03-01T18:00}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台不产生告警 "ALM-*"

  @matrix @matrix-28
  Scenario: 产污与治污设施均停运（§10 第 28 行）
    Given 现场档案:
      """
      id: S0128
      name: 全停企业
      district: 临平区
      industry: 纺织
      shifts: []
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 200/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台不产生告警 "ALM-*"
