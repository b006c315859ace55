// The enterprise list: online, production running, open alarms by level; search and filters by district and
// industry (GET /api/enterprises?q=&district=&industry=).
import {fill, h} from './dom.js';
import {get} from './api.js';
import {LEVEL_SHORT} from './words.js';

let all = null; // the unfiltered list, for the filters' choices

export async function showList(view, query) {
  const q = query.get('q') || '';
  const district = query.get('district') || '';
  const industry = query.get('industry') || '';
  if (all === null || (!q && !district && !industry)) all = (await get('/api/enterprises')).items;
  const items = (await get('/api/enterprises', {q, district, industry})).items;

  const form = h('form', {class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const next = new URLSearchParams();
    for (const [k, v] of data) if (v) next.set(k, v);
    location.hash = '#/' + (next.toString() ? '?' + next : '');
  }},
  h('label', {}, '搜索', h('input', {name: 'q', type: 'search', value: q, placeholder: '企业名称或编号', id: 'search'})),
  choice('district', '区县', all.map((e) => e.district), district),
  choice('industry', '行业', all.map((e) => e.industry), industry),
  h('button', {type: 'submit', id: 'filter-apply'}, '查询'));

  const rows = items.map((e) => h('a', {class: 'card enterprise', href: '#/enterprise/' + encodeURIComponent(e.id),
    dataset: {enterprise: e.id}},
  h('div', {class: 'card-title'}, h('strong', {}, e.name), h('span', {class: 'muted'}, ' ' + e.id)),
  h('div', {class: 'card-meta muted'}, e.district + ' · ' + e.industry + ' · ' + e.points + ' 个监测点'),
  h('div', {class: 'badges'},
      e.online ? h('span', {class: 'badge ok', dataset: {status: 'online'}}, '在线') :
        h('span', {class: 'badge off', dataset: {status: 'online'}}, '离线'),
      running(e.running),
      alarms(e.openAlarms))));

  fill(view,
      h('h1', {}, '企业列表'),
      form,
      h('p', {class: 'muted', id: 'list-count'}, '共 ' + items.length + ' 家企业'),
      items.length ? h('div', {class: 'cards', id: 'enterprise-list'}, rows) : h('p', {class: 'empty'}, '没有符合条件的企业'));
}

function choice(name, label, values, selected) {
  const options = [...new Set(values)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return h('label', {}, label, h('select', {name, id: 'filter-' + name},
      h('option', {value: ''}, '全部'),
      options.map((v) => h('option', {value: v, selected: v === selected}, v))));
}

function running(r) {
  if (r === true) return h('span', {class: 'badge run', dataset: {status: 'running'}}, '生产运行');
  if (r === false) return h('span', {class: 'badge off', dataset: {status: 'running'}}, '生产停运');
  return h('span', {class: 'badge nodata', dataset: {status: 'running'}}, '工况未知');
}

function alarms(open) {
  const total = Object.values(open).reduce((a, b) => a + b, 0);
  if (!total) return h('span', {class: 'badge ok', dataset: {status: 'alarms'}}, '无未解除告警');
  return h('span', {class: 'alarm-counts', dataset: {status: 'alarms'}},
      Object.entries(open).filter(([, n]) => n > 0).map(([level, n]) =>
        h('span', {class: 'badge level' + level, title: LEVEL_SHORT[level] + '告警'}, LEVEL_SHORT[level] + ' ' + n)));
}
