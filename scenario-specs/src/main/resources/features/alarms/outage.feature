Feature: 企业停电
  全厂停电时平台应判为停电，不再对关联关系告警（domain-rules.md §4 ALM-11，§10 第 9 行）。

  @matrix @matrix-9 @fault-enterprise-outage @rule-ALM-11
  Scenario: 企业全厂停电 3 小时，各相电压为 0（§10 第 9 行）
    Given 现场档案:
      """
      id: S0109
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
        - {kind: enterprise-outage, target: S0109, start: 2026-03-01T10:00, duration: 3h}
      """
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "ALM-11"
    And 平台不产生告警 "ALM-01"
    And 告警 "ALM-11" 与故障 "enterprise-outage" 的时间窗重叠
    And 告警与真值相符

