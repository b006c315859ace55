@rule-ALM-02 @rule-ALM-03 @rule-ALM-04
Feature: 治污设施开停时序与低负荷
  治污设施晚于生产开启、早于生产停止、或低负荷运行时，平台应分别产生 ALM-02、ALM-03、ALM-04（domain-rules.md §4、§10 第 2、3、5、6 行）。

  @matrix @matrix-2 @fault-treatment-shifted
  Scenario: 治污设施晚于生产一个采样周期开启（§10 第 2 行）
    Given 现场档案:
      """
      id: S0102
      name: 后开测试企业
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
        - {kind: treatment-shifted, target: T1, start: 2026-03-01T00:00, end: 2026-03-02T00:00, startDelay: 15m}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则   | 结果   |
      | ALM-02 | 产生   |
      | ALM-01 | 不产生 |

  @matrix @matrix-3 @fault-treatment-shifted
  Scenario: 治污设施早于生产一个采样周期停止（§10 第 3 行）
    Given 现场档案:
      """
      id: S0103
      name: 先停测试企业
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
        - {kind: treatment-shifted, target: T1, start: 2026-03-01T00:00, end: 2026-03-02T00:00, stopAdvance: 15m}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则   | 结果   |
      | ALM-03 | 产生   |
      | ALM-01 | 不产生 |

  @matrix @matrix-5 @fault-treatment-under-load
  Scenario: 风机降频至 70% 转速（§10 第 5 行；低负荷需要基准功率，档案填报 P_ref）
    Given 现场档案:
      """
      id: S0105
      name: 降频测试企业
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
        - {kind: treatment-under-load, target: T1, start: 2026-03-01T10:00, duration: 3h, speedRatio: 0.7}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则   | 结果   |
      | ALM-04 | 产生   |
      | ALM-01 | 不产生 |
    And 告警 "ALM-04" 与故障 "treatment-under-load" 的时间窗重叠

  @matrix @matrix-6 @fault-duty-switch @rule-ALM-09
  Scenario: 主用风机停运、备用风机接替（§10 第 6 行）
    Given 现场档案:
      """
      id: S0106
      name: 主备测试企业
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
        - {id: T2, name: 1#引风机（备）, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1, T2], required: 1}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: duty-switch, target: T1, start: 2026-03-01T12:00, end: 2026-03-02T00:00}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则   | 结果   |
      | ALM-01 | 不产生 |
      | ALM-03 | 不产生 |
