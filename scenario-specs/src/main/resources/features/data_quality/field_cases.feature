Feature: 现场案例：平台应发现的数据问题
  种子文件列出的企业现场案例（docs/site-format.md「Ready sites」），每个案例中平台应提出的问题都应产生告警。

  @rule-DQ-02 @rule-DQ-04 @rule-DQ-15 @fault-archive-unregistered-points @fault-archive-no-main-point @fault-archive-no-treat-point
  Scenario: 某塑料制品厂：无总进线、治污点位未备案、10 块表只备案 5 块
    Given 企业 "plastics" 的现场档案
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则  | 结果 |
      | DQ-02 | 产生 |
      | DQ-04 | 产生 |
      | DQ-15 | 产生 |

  # the run starts the day before: the day-level energy rules need the opening reading of the day they judge
  @rule-DQ-02 @rule-DQ-05 @rule-DQ-09 @rule-DQ-10 @rule-DQ-13 @fault-lora-loss @fault-register-jump @fault-archive-no-main-point
  Scenario: 某食品有限公司：无总进线、除尘风机每日无数据、点位日电量大于 25 倍日最大负荷
    Given 企业 "food" 的现场档案
    When 从 "2026-02-28T00:00" 起运行 2 天
    Then 平台的告警:
      | 规则  | 结果 |
      | DQ-02 | 产生 |
      | DQ-05 | 产生 |
      | DQ-09 | 产生 |
      | DQ-13 | 产生 |
    And 告警 "DQ-13" 与故障 "register-jump" 的时间窗重叠
    And 告警与真值相符

  @rule-ALM-01 @rule-ALM-02 @rule-ALM-03 @rule-ALM-04 @slow
  Scenario: 某纺织公司：正常运行一天不产生运行告警
    Given 企业 "textile" 的现场档案
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则   | 结果   |
      | ALM-01 | 不产生 |
      | ALM-02 | 不产生 |
      | ALM-03 | 不产生 |
      | ALM-04 | 不产生 |

  @rule-DQ-02 @rule-DQ-03 @rule-DQ-04 @rule-DQ-05 @fault-mn-not-delivered @fault-lora-loss @fault-archive-no-main-point @fault-archive-no-prod-point @fault-archive-no-treat-point
  Scenario: 某新型建材有限公司：无总进线、治污设施无监管点、废气处理2 无数据（未下发 MN）
    Given 企业 "building-materials" 的现场档案
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则  | 结果 |
      | DQ-02 | 产生 |
      | DQ-04 | 产生 |
      | DQ-05 | 产生 |
    And 告警与真值相符

  # 55 points: about 37 s alone. The run starts at 22:00 the evening before, so that the day-level energy rules have
  # the day's opening reading, and ends at 01:00 after it, when the day has closed
  @rule-DQ-03 @rule-DQ-04 @rule-DQ-08 @rule-DQ-09 @rule-DQ-10 @rule-DQ-13 @rule-DQ-14 @fault-reversed-ct @fault-sign-flapping @fault-register-jump @slow
  Scenario: 某企业（55 个监测点位）：总表变比过大、功率为负、示值跳变、点位日电量大于 25 倍日最大负荷且超过 10 万 kWh、环评设施未装表
    Given 企业 "company-55" 的现场档案
    When 从 "2026-02-28T22:00" 起运行 27 小时
    Then 平台的告警:
      | 规则   | 结果 |
      | DQ-03  | 产生 |
      | DQ-04  | 产生 |
      | DQ-08a | 产生 |
      | DQ-08b | 产生 |
      | DQ-08c | 产生 |
      | DQ-09  | 产生 |
      | DQ-10  | 产生 |
      | DQ-13  | 产生 |
      | DQ-14  | 产生 |
    And 告警与真值相符
