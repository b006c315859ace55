Feature: 上行中断后的补传
  DTU 上行中断期间数据保存在本地，恢复后补传：平台不丢数据、不重复计数，日电量与不中断运行一致，离线告警以“补传恢复”关闭（domain-rules.md §5 DQ-06，§10 第 10 行；hj212-2017.md 补传）。

  @matrix @matrix-10 @fault-uplink-outage @rule-DQ-06 @resend
  Scenario: DTU 上行中断 6 小时后补传（§10 第 10 行）
    Given 现场档案:
      """
      id: S0110
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T09:00, duration: 6h}
      """
    When 从 "2026-02-28T00:00" 起运行 3 天
    Then 平台产生告警 "DQ-06"
    And 告警 "DQ-06" 均已关闭，原因 "recoveredByResend"
    And 平台不产生告警 "DQ-05"
    And 告警与真值相符
    And 平台各点位每日数据完整
    And 平台各点位日电量与不中断运行一致

  @fault-uplink-outage @rule-DQ-06 @resend @slow
  Scenario: DTU 上行中断 72 小时后补传，数据不丢不重
    Given 现场档案:
      """
      id: S0810
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T09:00, duration: 72h}
      """
    When 从 "2026-02-28T00:00" 起运行 6 天
    Then 平台产生告警 "DQ-06"
    And 告警 "DQ-06" 均已关闭，原因 "recoveredByResend"
    And 平台不产生告警 "DQ-05"
    And 告警与真值相符
    And 平台各点位每日数据完整
    And 平台各点位日电量与不中断运行一致

  @fault-uplink-outage @rule-DQ-06 @resend @slow
  Scenario: DTU 上行中断 31 天，超出本地 30 天存储：平台缺失的恰为设备丢弃的一天
    Given 现场档案:
      """
      id: S0831
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T09:00, duration: 744h}
      """
    When 从 "2026-02-28T00:00" 起运行 34 天
    Then 平台缺失的实时数据恰为 "2026-03-01T09:00" 至 "2026-03-02T09:00"
    And 平台产生告警 "DQ-06"

  @fault-uplink-outage @rule-DQ-06 @resend @restart
  Scenario: 补传进行中平台重启：已确认的不丢，未确认的重传，不重复计数
    Given 现场档案:
      """
      id: S0832
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T09:00, duration: 6h}
      """
    And 平台在 "2026-03-01T15:00" 之后再存下 10 条记录时重启
    When 从 "2026-02-28T00:00" 起运行 3 天
    Then 平台重启过 1 次
    And 平台各点位每日数据完整
    And 平台各点位日电量与不中断运行一致
    And 平台产生告警 "DQ-06"

  # The DTU keeps the records it could not deliver but does not resend them (断点续传 off). The platform notices the
  # real-time gap when live records resume, waits an hour for the device's own resend, then asks for the minute data
  # of the gap (2051 with BeginTime/EndTime, hj212-2017.md §9.2) and stores what the DTU returns from its store. The
  # real-time (2011) records of the gap stay missing: only the minute records are retrieved. The gap runs to 15:15:
  # the modem re-attaches 5-60 s after coverage returns at 15:00, so the 15:00 poll is taken while still offline.
  @fault-uplink-outage @fault-resend-off @rule-DQ-06 @resend @gap-fill
  Scenario: DTU 未开启断点续传，上行中断 6 小时：平台主动补数（2051）
    Given 现场档案:
      """
      id: S0833
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
        - {kind: uplink-outage, target: P1, start: 2026-03-01T09:00, duration: 6h}
        - {kind: resend-off, target: P1, start: 2026-02-28T00:00, end: 2026-03-03T00:00}
      """
    When 从 "2026-02-28T00:00" 起运行 3 天
    Then 平台产生告警 "DQ-06"
    And 平台已主动补数，取回 "2026-03-01T09:00" 至 "2026-03-01T15:00" 每个间隔的分钟数据
    And 平台缺失的实时数据恰为 "2026-03-01T09:00" 至 "2026-03-01T15:15"
    And 平台各点位日电量与不中断运行一致
    And 告警与真值相符
