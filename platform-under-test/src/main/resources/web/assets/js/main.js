// Hash routes, so the platform serves one page and every view can be linked and reloaded:
//   #/                       enterprise list            (list.js)
//   #/enterprise/{id}?day=…&span=day|week&point=…     (enterprise.js)
//   #/alarms?…               alarm list                  (alarms.js)
//   #/alarms/{id}            one alarm, evidence, review (alarms.js)
import {fill, h} from './dom.js';
import {tokenDialog} from './token.js';
import {showList} from './list.js';
import {showEnterprise} from './enterprise.js';
import {showAlarm, showAlarms} from './alarms.js';

const view = document.getElementById('view');

function parse() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, query] = raw.split('?');
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query || '')};
}

async function route() {
  const {parts, query} = parse();
  const section = parts[0] === 'alarms' ? 'alarms' : 'list';
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.classList.toggle('active', a.dataset.nav === section && parts[0] !== 'enterprise');
  }
  try {
    if (parts.length === 0) await showList(view, query);
    else if (parts[0] === 'enterprise' && parts[1]) await showEnterprise(view, parts[1], query);
    else if (parts[0] === 'alarms' && parts[1]) await showAlarm(view, parts[1]);
    else if (parts[0] === 'alarms') await showAlarms(view, query);
    else fill(view, h('p', {class: 'error'}, '没有这个页面：' + location.hash));
  } catch (e) {
    fill(view, h('p', {class: 'error', role: 'alert'}, '加载失败：' + (e.code ? e.code + ' ' : '') + e.message));
  }
  view.dataset.ready = location.hash || '#/'; // tests wait for this
}

window.addEventListener('hashchange', route);
tokenDialog();
route();
