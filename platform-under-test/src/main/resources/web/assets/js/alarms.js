// Alarms (GET /api/alarms), one alarm with its evidence and lifecycle (GET /api/alarms/{id}), and the review
// (人工审核, POST /api/alarms/{id}/review with the bearer token the user pasted once, see main.js).
import {fill, h, instant, num, shortTime} from './dom.js';
import {ApiError, get, post, setToken, token} from './api.js';
import {CLOSING, EVENT, KIND, LEVEL, LEVEL_SHORT, REVIEW, STATE, STATUS, SUBTYPE, rule} from './words.js';
import {askToken, markToken} from './token.js';

const PAGE = 50;

export async function showAlarms(view, query) {
  const params = {};
  for (const k of ['enterprise', 'level', 'status', 'review', 'rule']) params[k] = query.get(k) || '';
  const offset = Number(query.get('offset') || 0);
  const [page, enterprises] = await Promise.all([
    get('/api/alarms', {...params, limit: PAGE, offset}),
    get('/api/enterprises'),
  ]);
  const names = new Map(enterprises.items.map((e) => [e.id, e.name]));
  const go = (changes) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({...params, ...changes})) if (v) next.set(k, v);
    location.hash = '#/alarms' + (next.toString() ? '?' + next : '');
  };
  const select = (name, label, options) => h('label', {}, label, h('select', {name, id: 'alarm-' + name},
      h('option', {value: ''}, '全部'),
      Object.entries(options).map(([v, t]) => h('option', {value: v, selected: params[name] === v}, t))));

  const filters = h('form', {class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    go({...Object.fromEntries(new FormData(e.target)), offset: ''});
  }},
  select('enterprise', '企业', Object.fromEntries(enterprises.items.map((e) => [e.id, e.name]))),
  select('level', '告警等级', LEVEL),
  select('status', '状态', STATUS),
  select('review', '审核', REVIEW),
  h('button', {type: 'submit', id: 'alarm-filter-apply'}, '查询'));

  fill(view,
      h('h1', {}, '告警'),
      filters,
      page.items.length ? h('div', {class: 'cards', id: 'alarm-list'}, page.items.map((a) =>
        h('a', {class: 'card alarm level-border' + a.level, href: '#/alarms/' + a.id, dataset: {alarm: a.id, rule: a.ruleId}},
            h('div', {class: 'card-title'},
                h('span', {class: 'badge level' + a.level}, LEVEL_SHORT[a.level]), ' ',
                h('strong', {}, rule(a.ruleId)), a.subtype ? h('span', {class: 'muted'}, ' · ' + (SUBTYPE[a.subtype] || a.subtype)) : null),
            h('div', {class: 'card-meta'}, (names.get(a.enterpriseId) || a.enterpriseId) + ' · 点位 ' + a.points.join('、') +
                (a.related.length ? ' · 关联 ' + a.related.join('、') : '')),
            h('div', {class: 'card-meta muted'}, shortTime(a.start) + ' – ' +
                (a.end ? shortTime(a.end) + ' · ' + duration(a) : '持续中')),
            h('div', {class: 'badges'},
                h('span', {class: 'badge ' + (a.status === 'OPEN' ? 'level1' : 'off')}, STATUS[a.status]),
                h('span', {class: 'badge review-' + a.review, dataset: {review: a.review}}, REVIEW[a.review]))))) :
        h('p', {class: 'empty'}, '没有符合条件的告警'),
      h('div', {class: 'pager'},
          offset > 0 ? h('button', {type: 'button', onclick: () => go({offset: String(Math.max(0, offset - PAGE))})}, '上一页') : null,
          page.more ? h('button', {type: 'button', onclick: () => go({offset: String(offset + PAGE)})}, '下一页') : null));
}

/** end − start of a closed episode (rulebook §4: the duration). */
function duration(a) {
  const minutes = (Date.parse(a.end + 'Z') - Date.parse(a.start + 'Z')) / 60000;
  return minutes >= 60 ? (minutes / 60).toFixed(minutes % 60 ? 1 : 0) + ' 小时' : minutes + ' 分钟';
}

export async function showAlarm(view, id) {
  const {alarm: a, events} = await get('/api/alarms/' + encodeURIComponent(id));
  const ent = await get('/api/enterprises/' + encodeURIComponent(a.enterpriseId)).catch(() => null);
  const day = a.start.slice(0, 10);
  const message = h('p', {id: 'review-message', role: 'status'});
  fill(view,
      h('p', {class: 'crumbs'}, h('a', {href: '#/alarms'}, '告警'), ' / ', '#' + a.id),
      h('h1', {}, h('span', {class: 'badge level' + a.level}, LEVEL[a.level]), ' ', rule(a.ruleId)),
      h('section', {class: 'panel', id: 'alarm-summary'},
          facts([
            ['企业', h('a', {href: '#/enterprise/' + encodeURIComponent(a.enterpriseId) + '?day=' + day +
              (a.points[0] ? '&point=' + encodeURIComponent(a.points[0]) : '')}, (ent ? ent.name + '（' + a.enterpriseId + '）' : a.enterpriseId))],
            ['类型', a.subtype ? (SUBTYPE[a.subtype] || a.subtype) : '—'],
            ['对象', a.key],
            ['触发点位', a.points.join('、') || '—'],
            ['关联点位', a.related.join('、') || '—'],
            ['开始', a.start.replace('T', ' ')],
            ['产生时刻（达到规则时长）', a.raisedAt.replace('T', ' ')],
            ['结束', a.end ? a.end.replace('T', ' ') : '持续中'],
            ['状态', STATUS[a.status] + (a.closingReason ? '（' + (CLOSING[a.closingReason] || a.closingReason) + '）' : '')],
            ['迟到数据发现', a.detectedLate ? '是' : '否'],
            ['规则版本', a.ruleId + ' v' + a.ruleVersion],
            ['审核', h('span', {id: 'review-state', dataset: {review: a.review}}, REVIEW[a.review])],
            ['审核意见', a.reviewComment || '—'],
            ['审核人', a.reviewer ? a.reviewer + '（' + instant(a.reviewedAt) + '）' : '—'],
          ])),
      h('section', {class: 'panel', id: 'evidence'}, h('h2', {}, '证据（开始时的数值与阈值）'), evidence(a.evidence)),
      h('section', {class: 'panel'}, h('h2', {}, '处理记录'),
          h('ol', {class: 'events', id: 'events'}, events.map((e) => h('li', {dataset: {kind: e.kind}},
              h('strong', {}, EVENT[e.kind] || e.kind), ' ', instant(e.at), e.detail ? h('span', {class: 'muted'}, ' ' + detail(e.detail)) : null)))),
      h('section', {class: 'panel', id: 'review'}, h('h2', {}, '人工审核'), reviewForm(a, message), message));
}

function facts(rows) {
  return h('dl', {class: 'facts'}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

function detail(d) {
  if (typeof d === 'string') return d;
  return Object.entries(d).map(([k, v]) => (DETAIL_WORDS[k] || k) + '：' + detailValue(k, v)).join('；');
}

const EVIDENCE_WORDS = {
  at: '时刻', production: '产污设施', group: '治污设施组', members: '成员', required: '需运行台数', state: '状态',
  pKw: '有功功率 P (kW)', pOnKw: '启停阈值 P_on (kW)', pOffKw: '停机阈值 P_off (kW)', pRefKw: '参考功率 P_ref (kW)',
  thresholdsDerived: '阈值为推算值', config: '使用的配置', id: '编号', point: '监测点', kind: '类型',
  lowBelowKw: '低负荷线 (kW)', pHiKw: '上限 P_hi (kW)',
};

const DETAIL_WORDS = {
  level: '等级', raisedAt: '产生时刻', detectedLate: '迟到数据发现', start: '开始', end: '结束', reason: '原因',
  comment: '意见', decision: '结论', reviewer: '审核人',
};

function detailValue(k, v) {
  if (k === 'decision') return REVIEW[v] || v;
  if (k === 'reason') return CLOSING[v] || v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.replace('T', ' ');
  return typeof v === 'object' ? JSON.stringify(v) : v;
}

/** The evidence object as nested definition lists, with the rulebook's words for the keys it knows. */
function evidence(e) {
  if (e === null || e === undefined) return h('p', {class: 'muted'}, '—');
  if (typeof e === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(e)) return e.replace('T', ' ');
  if (typeof e !== 'object') return String(e);
  if (Array.isArray(e)) return e.map((x) => (typeof x === 'object' ? evidence(x) : String(x))).join('、');
  return h('dl', {class: 'facts evidence'}, Object.entries(e).map(([k, v]) => [
    h('dt', {}, EVIDENCE_WORDS[k] || k),
    h('dd', {}, k === 'state' && STATE[v] ? STATE[v] : k === 'kind' && KIND[v] ? KIND[v] :
      typeof v === 'number' ? (Number.isInteger(v) ? String(v) : num(v, 2)) : typeof v === 'boolean' ? (v ? '是' : '否') : evidence(v)),
  ]));
}

function reviewForm(a, message) {
  const form = h('form', {id: 'review-form', class: 'review'},
      h('fieldset', {},
          h('legend', {}, '审核结论'),
          h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'decision', value: 'CONFIRMED', id: 'decision-confirm', required: true}), '确认（企业异常，属实）'),
          h('label', {class: 'choice'}, h('input', {type: 'radio', name: 'decision', value: 'DISMISSED', id: 'decision-dismiss'}), '排除（误报或已报备）')),
      h('label', {}, '审核意见', h('textarea', {name: 'comment', id: 'review-comment', rows: 3, maxlength: 4000})),
      h('label', {}, '审核人', h('input', {name: 'reviewer', id: 'reviewer', required: true, maxlength: 128,
        value: localStorage.getItem('pollwatt.reviewer') || ''})),
      h('button', {type: 'submit', id: 'review-submit'}, '提交审核'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    if (!token() && !(await askToken())) {
      fill(message, '需要审核令牌才能提交。');
      message.className = 'error';
      return;
    }
    try {
      localStorage.setItem('pollwatt.reviewer', data.reviewer);
      await post('/api/alarms/' + a.id + '/review', {decision: data.decision, comment: data.comment, reviewer: data.reviewer});
      location.hash = '#/alarms/' + a.id + '?reviewed=' + Date.now(); // reload the alarm from the API
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setToken('');
        markToken();
        fill(message, '令牌无效，请重新输入审核令牌。');
      } else {
        fill(message, '提交失败：' + (err.code ? err.code + ' ' : '') + err.message);
      }
      message.className = 'error';
    }
  });
  return form;
}
