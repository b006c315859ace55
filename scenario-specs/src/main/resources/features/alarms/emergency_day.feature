Feature: 重污染天气应急管控日
  应急管控日里，停产企业应停产，限产企业按比例生产，错峰企业避开管控时段；平台只对未响应管控的企业告警（domain-rules.md §4 ALM-06…08）。

  @rule-ALM-06 @rule-ALM-07 @rule-ALM-08 @fault-production-in-stop @emergency @slow
  Scenario: 应急管控日：两家停产（一家未停）、一家限产 50%、一家错峰生产
    Given 现场档案:
      """
      id: S0901
      name: 停产企业甲
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
        - {kind: STOP, start: 2026-03-03T00:00, end: 2026-03-04T00:00}
      """
    And 现场档案:
      """
      id: S0902
      name: 停产企业乙（未停产）
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
        - {kind: STOP, start: 2026-03-03T00:00, end: 2026-03-04T00:00}
      faults:
        - {kind: production-in-stop, target: P1, start: 2026-03-03T10:00, duration: 4h, loadRatio: 1.0}
      """
    And 现场档案:
      """
      id: S0903
      name: 限产企业丙
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
      """
    And 现场档案:
      """
      id: S0904
      name: 错峰企业丁
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
        - {kind: OFF_PEAK, start: 2026-03-03T08:00, end: 2026-03-03T14:00}
      """
    When 从 "2026-03-01T00:00" 起运行 3 天
    Then 企业 "S0902" 产生告警 "ALM-06"
    And 企业 "S0901" 不产生告警 "ALM-*"
    And 企业 "S0903" 不产生告警 "ALM-*"
    And 企业 "S0904" 不产生告警 "ALM-*"
    And 告警 "ALM-06" 与故障 "production-in-stop" 的时间窗重叠
    And 告警与真值相符

