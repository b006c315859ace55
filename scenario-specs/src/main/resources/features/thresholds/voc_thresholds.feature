Feature: 排口 VOC 分析仪告警的阈值
  每条 VOC 规则一个场景大纲：示例的一行刚好低于阈值（不告警），一行刚好达到或高于阈值（告警）
  （domain-rules.md §6、附录 A；docs/scenarios.md「Rule coverage」）。现场：一条总进线、一台产污设施、一台治污风机，
  一个 15 m 排口和它的 VOC 分析仪（默认设备：一台 DTU、一台数采仪）。分析仪数值：生产满负荷、风机运行时
  TVOC = 1 + 80 ×（1 − 0.85）= 13 mg/m³，流速随风机功率（默认 10 m/s）。

  @rule-VOC-01 @threshold @fault-voc-exceedance
  Scenario Outline: 原始 TVOC 放大 <倍数> 倍、限值 60 mg/m³：<结果>VOC-01
    跨越 voc.tvocLimit（企业填报，默认空：不判定；这里填 60 mg/m³）：TVOC ≈ 1 + 80 × 倍数 × 0.15；4.5 倍（约 55 mg/m³）
    的小时均值不超限，不告警；5.5 倍（约 67 mg/m³）告警。按小时判定，小时结束后才有结论。
    Given 现场档案:
      """
      id: TV01
      name: 阈值测试企业
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
      stacks:
        - id: S1
          height: 15
          production: [P1]
          groups: [G1]
          analyzer: {rawTvoc: 80, efficiency: 0.85}
      faults:
        - {kind: voc-exceedance, target: S1, start: 2026-03-01T09:00, duration: 2h, factor: <倍数>}
      """
    And 规则参数:
      | 参数          | 值 |
      | voc.tvocLimit | 60 |
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "VOC-01"

    Examples:
      | 倍数 | 结果   |
      | 4.5  | 不产生 |
      | 5.5  | 产生   |

  @rule-VOC-02 @threshold @fault-treatment-under-load
  Scenario Outline: 风机降到 0.9 倍转速 <时长>、流速约 0.44 m/s：<结果>VOC-02
    跨越 voc.noFlowMinMin（默认 30 分钟）与 voc.minVelocity（默认 0.5 m/s）：分析仪满风量流速 0.6 m/s，风机 0.9 倍
    转速时功率 0.73 × 额定（仍是运行，不是低负荷），流速约 0.44 m/s，低于 0.5；持续 1 个采样不告警，2 个采样告警。
    故障从 10:05 开始，每个采样清楚地在窗内或窗外。
    Given 现场档案:
      """
      id: TV02
      name: 阈值测试企业
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
      stacks:
        - id: S1
          height: 15
          production: [P1]
          groups: [G1]
          analyzer: {rawTvoc: 80, efficiency: 0.85, velocity: 0.6}
      faults:
        - {kind: treatment-under-load, target: T1, start: 2026-03-01T10:05, duration: <时长>, speedRatio: 0.9}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "VOC-02"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-VOC-03 @threshold @fault-treatment-runs-alone
  Scenario Outline: 停产时排口仍有 10 m/s 流速 <时长>：<结果>VOC-03
    跨越 voc.flowWithoutSourceMinMin（默认 30 分钟）：企业不生产（shifts 为空），一台未备案的风机（平台只知道排口接
    1#定型机，其他来源或旁路）单独运行，排口流速 10 m/s ≥ voc.minVelocity；持续 1 个采样不告警，2 个采样告警。
    Given 现场档案:
      """
      id: TV03
      name: 阈值测试企业
      district: 临平区
      industry: 纺织
      shifts: []
      points:
        - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
        - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
        - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
      groups:
        - {id: G1, members: [T1]}
      associations:
        - {production: P1, groups: G1}
      stacks:
        - id: S1
          height: 15
          production: [P1]
          groups: [G1]
          analyzer: {rawTvoc: 80, efficiency: 0.85}
      archive:
        notArchived: [T1]
      faults:
        - {kind: treatment-runs-alone, target: T1, start: 2026-03-01T10:05, duration: <时长>}
        - {kind: archive-unregistered-points, target: T1, start: 2026-03-01T07:00, end: 2026-03-01T13:00}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "VOC-03"

    Examples:
      | 时长 | 结果   |
      | 15m  | 不产生 |
      | 30m  | 产生   |

  @rule-VOC-04 @threshold @fault-analyzer-drift
  Scenario Outline: 生产期间分析仪读数归零 <时长>：<结果>VOC-04
    跨越 voc.constantMinMin（默认 120 分钟）：分析仪以每天 −100 000 mg/m³ 漂移，窗内第一个采样起读数就钳在 0；
    从 09:05 起 1 小时 45 分钟（7 个零值采样）不告警，2 小时（8 个 = 120 分钟）告警。
    Given 现场档案:
      """
      id: TV04
      name: 阈值测试企业
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
      stacks:
        - id: S1
          height: 15
          production: [P1]
          groups: [G1]
          analyzer: {rawTvoc: 80, efficiency: 0.85}
      faults:
        - {kind: analyzer-drift, target: S1, start: 2026-03-01T09:05, duration: <时长>, mgM3PerDay: -100000}
      """
    When 从 "2026-03-01T07:00" 起运行 6 小时
    Then 平台<结果>告警 "VOC-04"

    Examples:
      | 时长  | 结果   |
      | 1h45m | 不产生 |
      | 2h    | 产生   |
