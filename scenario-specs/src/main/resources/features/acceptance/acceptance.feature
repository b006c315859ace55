Feature: 验收
  安装完成后企业组织验收：现场检查、现场试验（停治污设施、断网补传）和试运行，逐项判定 AC-01～AC-11，给出验收结论和验收报告（domain-rules.md §7）。
  测试平台扮演现场人员：标准表是孪生体的真实功率，表计显示值是孪生体中电表的读数，停机试验和断网试验以故障形式安排。

  @acceptance @rule-AC-06 @rule-AC-07 @fault-treatment-off @fault-uplink-outage @slow
  Scenario: 安装正确的企业，试运行 7 天，验收通过
    Given 现场档案:
      """
      id: S1001
      name: 验收测试企业（安装正确）
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}, limits: {pOnKw: 5, pRefKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}, limits: {pOnKw: 2, pRefKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-off, target: T1, start: 2026-03-02T10:00, duration: 1h}
        - {kind: uplink-outage, target: P1, start: 2026-03-03T09:00, duration: 3h}
      """
    When 从 "2026-02-28T00:00" 起运行 8 天
    Then 企业 "S1001" 验收结论为 "通过"

  @acceptance @rule-AC-06 @rule-AC-07 @rule-AC-09 @fault-treatment-off @fault-uplink-outage
  Scenario: 安装正确的企业，现场试验合格，但试运行只有 3 天，验收不通过
    Given 现场档案:
      """
      id: S1002
      name: 验收测试企业（试运行不足）
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}, limits: {pOnKw: 5, pRefKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}, limits: {pOnKw: 2, pRefKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      faults:
        - {kind: treatment-off, target: T1, start: 2026-03-01T10:00, duration: 1h}
        - {kind: uplink-outage, target: P1, start: 2026-03-01T14:00, duration: 3h}
      """
    When 从 "2026-02-28T00:00" 起运行 3 天
    Then 企业 "S1002" 的验收检查:
      | 检查  | 结果   |
      | AC-01 | 通过   |
      | AC-02 | 通过   |
      | AC-03 | 通过   |
      | AC-04 | 通过   |
      | AC-05 | 通过   |
      | AC-06 | 通过   |
      | AC-07 | 通过   |
      | AC-08 | 通过   |
      | AC-09 | 不通过 |
      | AC-10 | 通过   |
      | AC-11 | 通过   |
    And 企业 "S1002" 验收结论为 "不通过"

  @acceptance @fault-reversed-ct @fault-archive-wrong-archived-ct @fault-archive-unregistered-points
  Scenario: 安装有误的企业：变比备案错误、CT 接反、治污设施未备案、阈值缺失、未做断网试验，验收不通过
    Given 现场档案:
      """
      id: S1003
      name: 验收测试企业（安装有误）
      district: 临平区
      industry: 纺织
      shifts: ["08:00-20:00"]
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}, limits: {pOnKw: 5, pRefKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
        - {id: T2, name: 2#喷淋塔水泵, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 7.5}}
      groups:
        - {id: G1, members: [T1]}
        - {id: G2, members: [T2]}
      associations:
        - {production: P1, groups: [G1, G2]}
      archive:
        notArchived: [T2]
        points:
          - {id: P1, ct: 100/5}
      faults:
        - {kind: reversed-ct, target: P1, start: 2026-02-28T00:00, end: 2026-03-03T00:00, phaseA: true}
        - {kind: archive-wrong-archived-ct, target: P1, start: 2026-02-28T00:00, end: 2026-03-03T00:00}
        - {kind: archive-unregistered-points, target: T2, start: 2026-02-28T00:00, end: 2026-03-03T00:00}
        - {kind: treatment-off, target: T1, start: 2026-03-01T10:00, duration: 1h}
      """
    When 从 "2026-02-28T00:00" 起运行 3 天
    Then 企业 "S1003" 的验收检查:
      | 检查  | 结果   |
      | AC-01 | 不通过 |
      | AC-02 | 不通过 |
      | AC-03 | 不通过 |
      | AC-07 | 不通过 |
      | AC-10 | 不通过 |
    And 企业 "S1003" 验收结论为 "不通过"
