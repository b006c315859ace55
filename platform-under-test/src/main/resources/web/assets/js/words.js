// The interface's words, taken from the rulebook (domain-rules.md §1.1, §3, §4, §5, §6, §8) so the page and the
// rules speak alike.

export const KIND = {
  MAIN: '总进线',
  PROD: '产污设施',
  TREAT: '治污设施',
  PROD_TREAT: '产治一体',
  INDIRECT: '间接用电',
};

export const STATE = {
  NO_DATA: '无数据',
  OFF: '停运',
  LOW: '低负荷',
  RUN: '运行',
  HIGH: '超限',
};

export const LEVEL = {1: '一级（红）', 2: '二级（橙）', 3: '三级（黄）'};
export const LEVEL_SHORT = {1: '一级', 2: '二级', 3: '三级'};

export const STATUS = {OPEN: '未解除', CLOSED: '已解除'};

export const REVIEW = {UNREVIEWED: '未审核', CONFIRMED: '已确认', DISMISSED: '已排除'};

export const CLOSING = {
  ended: '工况恢复',
  recoveredByResend: '补传数据后恢复',
  retracted: '迟到数据撤销',
  merged: '并入前一告警',
};

export const SUBTYPE = {
  notStarted: '未开启',
  lateStart: '后开',
  earlyStop: '先停',
  midRun: '中途停运',
};

export const EVENT = {
  OPENED: '产生',
  UPDATED: '更新',
  CLOSED: '解除',
  REOPENED: '重新产生',
  REVIEWED: '人工审核',
};

export const RULE = {
  'ALM-01': '治污设施未开启/停运（产治污不同步）',
  'ALM-02': '治污设施后开',
  'ALM-03': '治污设施先停',
  'ALM-04': '治污设施低负荷/空转/降频',
  'ALM-05': '越限',
  'ALM-06': '未响应停产',
  'ALM-07': '限产超标',
  'ALM-08': '错峰生产',
  'ALM-09': '主备异常',
  'ALM-10': '夜间偷停',
  'ALM-11': '停电',
  'DQ-01': '无监测点',
  'DQ-02': '无总进线',
  'DQ-03': '无产污设施',
  'DQ-04': '无治污设施',
  'DQ-05': '联网后无数据',
  'DQ-06': '离线/数据中断',
  'DQ-07': '负电量',
  'DQ-08': '负功率',
  'DQ-09': '电量与功率不符',
  'DQ-10': '电量异常偏大',
  'DQ-11': '产治污电量之和大于企业总电量',
  'DQ-12': '功率恒定',
  'DQ-13': '跳变',
  'DQ-14': '疑似变比错误',
  'DQ-15': 'MN 与备案问题',
  'DQ-16': '安装回路错误/阈值不符',
  'DQ-17': '电气量异常',
  'DQ-18': '时标问题',
  'DQ-19': '补传超出保存期',
  'DQ-20': '累计电量与区间电量不符',
  'VOC-01': 'TVOC 超标',
  'VOC-02': '风机运行无流速',
  'VOC-03': '无生产治污时有流速',
  'VOC-04': 'TVOC 恒值或零值',
  'VOC-05': '分析仪状态异常',
};

export function rule(id) {
  return RULE[id] ? id + ' ' + RULE[id] : id;
}

/** Transmission rate below which a point is listed in the morning check (ac.transmissionRateMin, OP-01). */
export const TRANSMISSION_RATE_MIN = 0.9;
