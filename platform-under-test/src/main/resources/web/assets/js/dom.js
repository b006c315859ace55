// Builds elements from data without innerHTML, so text from the API (names, comments) is never parsed as markup.

/** h('td', {class: 'num', dataset: {point: 'P1'}}, 'text', childNode, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A number with fixed decimals, or '—'. */
export function num(v, digits = 1) {
  return v === null || v === undefined || Number.isNaN(Number(v)) ? '—' : Number(v).toFixed(digits);
}

/** '2026-03-02T03:00:00' → '03-02 03:00' (DataTimes are local times without zone and are shown as sent). */
export function shortTime(t) {
  return t ? t.slice(5, 16).replace('T', ' ') : '—';
}

/** A platform instant (UTC) shown in the enterprise's zone, Asia/Shanghai by default. */
export function instant(t, zone = 'Asia/Shanghai') {
  if (!t) return '—';
  return new Date(t).toLocaleString('zh-CN', {timeZone: zone, hour12: false});
}
