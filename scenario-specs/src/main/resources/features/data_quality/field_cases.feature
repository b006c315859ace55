Feature: 现场案例：平台应发现的数据问题
  种子文件列出的企业现场案例（docs/site-format.md「Ready sites」），每个案例中平台应提出的问题都应产生告警。

  @rule-DQ-02 @rule-DQ-04 @rule-DQ-15 @fault-archive-unregistered-points
  Scenario: 某塑料制品厂：无总进线、治污点位未备案、10 块表只备案 5 块
    Given 企业 "plastics" 的现场档案
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则  | 结果 |
      | DQ-02 | 产生 |
      | DQ-04 | 产生 |
      | DQ-15 | 产生 |

  @rule-DQ-02 @rule-DQ-05 @fault-lora-loss
  Scenario: 某食品有限公司：无总进线、除尘风机每日无数据
    Given 企业 "food" 的现场档案
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台的告警:
      | 规则  | 结果 |
      | DQ-02 | 产生 |
      | DQ-05 | 产生 |

  @rule-DQ-13 @fault-register-jump
  Scenario: 某食品有限公司：表码跳变 2000 kWh
    Given 企业 "food" 的现场档案
    When 从 "2026-03-01T00:00" 起运行 1 天
    Then 平台产生告警 "DQ-13"
    And 告警 "DQ-13" 与故障 "register-jump" 的时间窗重叠

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
