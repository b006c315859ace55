// One enterprise: circuit tree with live states (GET /api/enterprises/{id}/circuit), a point's load curve with
// state bands and alarm markers (GET /api/states, /api/alarms), energy balance of the main meter against the
// sub-meters (GET /api/series?interval=1d) and completeness per point (GET /api/completeness).
import {fill, h, num, shortTime} from './dom.js';
import {get} from './api.js';
import {KIND, STATE, TRANSMISSION_RATE_MIN, rule} from './words.js';
import {loadCurve, stateLegend} from './chart.js';

export async function showEnterprise(view, id, query) {
  const [detail, circuit] = await Promise.all([
    get('/api/enterprises/' + encodeURIComponent(id)),
    get('/api/enterprises/' + encodeURIComponent(id) + '/circuit'),
  ]);
  const day = query.get('day') || latestDay(circuit) || new Date().toISOString().slice(0, 10);
  const span = query.get('span') === 'week' ? 'week' : 'day';
  const from = span === 'week' ? addDays(day, -6) : day;
  const metered = circuit.points.filter((p) => p.metered);
  const point = query.get('point') || defaultPoint(metered);

  const go = (changes) => {
    const next = new URLSearchParams({day, span, point: point || ''});
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    location.hash = '#/enterprise/' + encodeURIComponent(id) + '?' + next;
  };

  const controls = h('form', {class: 'filters', onsubmit: (e) => e.preventDefault()},
      h('label', {}, '日期', h('input', {type: 'date', id: 'day', value: day,
        onchange: (e) => e.target.value && go({day: e.target.value})})),
      h('div', {class: 'segmented', role: 'group', 'aria-label': '时间范围'},
          h('button', {type: 'button', id: 'span-day', 'aria-pressed': String(span === 'day'),
            onclick: () => go({span: 'day'})}, '日'),
          h('button', {type: 'button', id: 'span-week', 'aria-pressed': String(span === 'week'),
            onclick: () => go({span: 'week'})}, '周')),
      h('a', {class: 'button ghost', href: '#/alarms?enterprise=' + encodeURIComponent(id)}, '本企业告警'));

  const chartBox = h('div', {class: 'chart', id: 'load-curve'});
  const balanceBox = h('div', {id: 'energy-balance'}, h('p', {class: 'muted'}, '加载中…'));
  const completenessBox = h('div', {id: 'completeness'}, h('p', {class: 'muted'}, '加载中…'));

  fill(view,
      h('p', {class: 'crumbs'}, h('a', {href: '#/'}, '企业列表'), ' / ', detail.id),
      h('h1', {}, detail.name),
      h('p', {class: 'muted'}, detail.district + ' · ' + detail.industry + ' · ',
          detail.online ? h('span', {class: 'badge ok'}, '在线') : h('span', {class: 'badge off'}, '离线')),
      controls,
      h('section', {class: 'panel'}, h('h2', {}, '回路结构与实时工况'), tree(circuit, point, (p) => go({point: p}))),
      h('section', {class: 'panel'},
          h('h2', {}, '负荷曲线'),
          pointPicker(metered, point, (p) => go({point: p})),
          chartBox,
          stateLegend()),
      h('section', {class: 'panel'}, h('h2', {}, '电量平衡（总进线与分表）'), balanceBox),
      h('section', {class: 'panel'}, h('h2', {}, '数据完整率'), completenessBox));

  await Promise.all([
    point ? curve(chartBox, id, point, from, day, circuit) : fill(chartBox, h('p', {class: 'empty'}, '没有计量点')),
    balance(balanceBox, id, circuit, from, day).catch((e) => failed(balanceBox, e)),
    completeness(completenessBox, id, circuit, from, day).catch((e) => failed(completenessBox, e)),
  ]);
}

function failed(box, e) {
  fill(box, h('p', {class: 'error'}, '加载失败：' + e.message));
}

function latestDay(circuit) {
  const times = circuit.points.map((p) => p.live && p.live.time).filter(Boolean).sort();
  return times.length ? times[times.length - 1].slice(0, 10) : null;
}

function defaultPoint(metered) {
  const prod = metered.find((p) => p.kind === 'PROD' || p.kind === 'PROD_TREAT');
  return (prod || metered[0] || {}).id;
}

function addDays(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function liveBadge(live) {
  if (!live) return h('span', {class: 'badge nodata state', dataset: {state: 'NONE'}}, '未上报');
  return h('span', {class: 'badge state st-' + live.state, dataset: {state: live.state},
    title: '数据时间 ' + live.time.replace('T', ' ')},
  STATE[live.state] + (live.pKw === null || live.pKw === undefined ? '' : ' ' + num(live.pKw) + ' kW'));
}

/** The circuit tree: MAIN at the root, points under the point that feeds them, groups and associations beside. */
function tree(circuit, selected, select) {
  const byUnder = new Map();
  for (const p of circuit.points) {
    const key = p.under || '';
    if (!byUnder.has(key)) byUnder.set(key, []);
    byUnder.get(key).push(p);
  }
  const groupsOf = new Map(circuit.groups.map((g) => [g.id, g]));
  const node = (p) => h('li', {},
      h('button', {type: 'button', class: 'node' + (p.id === selected ? ' selected' : ''),
        dataset: {point: p.id, kind: p.kind}, disabled: !p.metered, onclick: () => select(p.id)},
      h('span', {class: 'kind k-' + p.kind}, KIND[p.kind] || p.kind),
      h('span', {class: 'node-name'}, p.name + ' ', h('span', {class: 'muted'}, p.id)),
      p.groups.map((g) => h('span', {class: 'tag'}, role(groupsOf.get(g), p.id) + ' ' + g)),
      liveBadge(p.live)),
      byUnder.has(p.id) ? h('ul', {}, byUnder.get(p.id).map(node)) : null);
  const live = circuit.points.map((p) => p.live && p.live.time).filter(Boolean).sort();
  return h('div', {class: 'tree', id: 'circuit-tree'},
      h('ul', {}, (byUnder.get('') || []).map(node)),
      live.length ? h('p', {class: 'muted'}, '实时工况取各点最新一条实时数据（' +
          shortTime(live[live.length - 1]) + '）') : null,
      circuit.groups.length ? h('div', {class: 'relations', id: 'groups'},
          h('h3', {}, '主备关系（治污设施组）'),
          h('ul', {}, circuit.groups.map((g) => h('li', {dataset: {group: g.id}},
              h('strong', {}, g.id), '：需运行 ' + g.required + ' 台；主用 ' + g.duty.join('、') +
              (g.standby.length ? '；备用 ' + g.standby.join('、') : '；无备用') + '；组状态 ',
              g.state ? h('span', {class: 'badge st-' + g.state}, STATE[g.state]) : '—')))) : null,
      circuit.associations.length ? h('div', {class: 'relations', id: 'associations'},
          h('h3', {}, '关联关系（产污设施 → 治污设施组）'),
          h('ul', {}, circuit.associations.map((a) => h('li', {dataset: {production: a.production, group: a.group}},
              name(circuit, a.production) + ' → ' + a.group + '（' +
              (groupsOf.get(a.group) ? groupsOf.get(a.group).members.map((m) => name(circuit, m)).join('、') : '') +
              '）')))) : null);
}

function role(group, pointId) {
  if (!group) return '组';
  return group.duty.includes(pointId) ? '主' : '备';
}

function name(circuit, id) {
  const p = circuit.points.find((x) => x.id === id);
  return p ? p.name + '（' + id + '）' : id;
}

function pointPicker(metered, selected, select) {
  return h('label', {class: 'picker'}, '监测点 ',
      h('select', {id: 'point', onchange: (e) => select(e.target.value)},
          metered.map((p) => h('option', {value: p.id, selected: p.id === selected},
              (KIND[p.kind] || p.kind) + ' · ' + p.name + '（' + p.id + '）'))));
}

async function curve(box, enterprise, point, from, to, circuit) {
  const [states, alarms] = await Promise.all([
    get('/api/states', {enterprise, point, from, to}),
    get('/api/alarms', {enterprise, from: from + 'T00:00:00', to: addDays(to, 1) + 'T00:00:00', limit: 1000}),
  ]);
  const mine = alarms.items.filter((a) => a.points.includes(point) || a.related.includes(point) || a.key === point);
  const p = circuit.points.find((x) => x.id === point);
  loadCurve(box, states, mine, (p ? p.name : point) + '（' + point + '）');
  box.append(h('ul', {class: 'markers', id: 'alarm-markers'}, mine.length ? mine.map((a) => h('li', {},
      h('a', {href: '#/alarms/' + a.id, class: 'level' + a.level}, '▲ ' + rule(a.ruleId)),
      ' ' + shortTime(a.start) + ' – ' + (a.end ? shortTime(a.end) : '持续中'))) :
    h('li', {class: 'muted'}, '此范围内该点没有告警')));
}

/**
 * Main meter against the sub-meters per day: sub-meters are the points fed by nothing or by a MAIN point (rulebook
 * §1.2: points metered level by level are not counted twice), as DQ-11 counts them.
 */
async function balance(box, enterprise, circuit, from, to) {
  const metered = circuit.points.filter((p) => p.metered);
  const mains = new Set(metered.filter((p) => p.kind === 'MAIN').map((p) => p.id));
  const kindOf = new Map(circuit.points.map((p) => [p.id, p.kind]));
  const subs = metered.filter((p) => p.kind !== 'MAIN' && (!p.parent || kindOf.get(p.parent) === 'MAIN'));
  const series = await Promise.all([...mains, ...subs.map((p) => p.id)].map((point) =>
    get('/api/series', {enterprise, point, interval: '1d', from, to}).then((s) => [point, s.items])));
  const energy = new Map(series);
  const days = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const sum = (ids, i) => {
    let total = 0;
    let known = 0;
    let partial = false;
    for (const id of ids) {
      const e = energy.get(id)[i] && energy.get(id)[i].energy;
      if (!e || e.published === null || e.published === undefined) partial = true;
      else {
        total += Number(e.published);
        known++;
        partial = partial || e.partial;
      }
    }
    return {total: known ? total : null, partial: known > 0 && partial};
  };
  if (!mains.size) {
    fill(box, h('p', {class: 'empty'}, '未备案总进线，无法做电量平衡'));
    return;
  }
  fill(box, h('table', {class: 'rows'},
      h('thead', {}, h('tr', {}, ['日期', '总进线 kWh', '分表合计 kWh', '差额 kWh', '分表/总进线'].map((t) => h('th', {}, t)))),
      h('tbody', {}, days.map((d, i) => {
        const m = sum(mains, i);
        const s = sum(subs.map((p) => p.id), i);
        const ratio = m.total > 0 && s.total !== null ? s.total / m.total : null;
        return h('tr', {class: ratio !== null && ratio > 1 ? 'warn' : ''},
            h('td', {'data-label': '日期'}, d),
            h('td', {'data-label': '总进线 kWh', class: 'num'}, num(m.total, 2) + (m.partial ? ' *' : '')),
            h('td', {'data-label': '分表合计 kWh', class: 'num'}, num(s.total, 2) + (s.partial ? ' *' : '')),
            h('td', {'data-label': '差额 kWh', class: 'num'},
                m.total === null || s.total === null ? '—' : num(m.total - s.total, 2)),
            h('td', {'data-label': '分表/总进线', class: 'num'}, ratio === null ? '—' : (100 * ratio).toFixed(1) + ' %'));
      }))),
  h('p', {class: 'muted'}, '分表：' + (subs.map((p) => p.name + '（' + p.id + '）').join('、') || '无') +
      '。* 当日电量不完整（缺读数或有剔除的电量）；— 无数据。分表之和大于总进线见 DQ-11。'));
}

async function completeness(box, enterprise, circuit, from, to) {
  const c = await get('/api/completeness', {enterprise, from, to});
  if (!c.items.length) {
    fill(box, h('p', {class: 'empty'}, '没有计量点'));
    return;
  }
  const byPoint = new Map();
  for (const x of c.items) {
    if (!byPoint.has(x.point)) byPoint.set(x.point, []);
    byPoint.get(x.point).push(x);
  }
  const names = new Map(circuit.points.map((p) => [p.id, p.name]));
  const pct = (r) => (100 * r).toFixed(1) + ' %';
  fill(box, h('table', {class: 'rows'},
      h('thead', {}, h('tr', {}, ['监测点', '条数', '完整率', '每日'].map((t) => h('th', {}, t)))),
      h('tbody', {}, [...byPoint].map(([point, days]) => {
        const records = days.reduce((a, d) => a + d.records, 0);
        const expected = days.reduce((a, d) => a + d.expected, 0);
        const rate = expected ? records / expected : 0;
        return h('tr', {class: rate < TRANSMISSION_RATE_MIN ? 'warn' : '', dataset: {point}},
            h('td', {'data-label': '监测点'}, (names.get(point) || '') + '（' + point + '）'),
            h('td', {'data-label': '条数', class: 'num'}, records + ' / ' + expected),
            h('td', {'data-label': '完整率', class: 'num'},
                h('span', {class: 'bar'}, h('span', {style: 'width:' + Math.round(100 * rate) + '%'})), pct(rate)),
            h('td', {'data-label': '每日', class: 'num'}, h('span', {class: 'days'}, days.map((d) =>
              h('span', {class: 'day' + (d.completeness < TRANSMISSION_RATE_MIN ? ' low' : ''),
                dataset: {day: d.day, rate: d.completeness}, title: d.day + '：' + d.records + ' / ' + d.expected},
              d.day.slice(5) + ' ' + Math.round(100 * d.completeness) + '%')))));
      }))),
  h('p', {class: 'muted'}, '完整率 = 收到的实时数据条数 ÷ 应有条数（每日 96 条）；低于 ' +
      (100 * TRANSMISSION_RATE_MIN) + ' % 的标黄（OP-01）。'));
}
