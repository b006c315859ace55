// A point's load curve on uPlot (bundled from npm): active power every 15 min, the operating state as coloured bands
// behind it, P_on as a dashed line, and the point's alarms as red markers along the top.
import {h} from './dom.js';
import {STATE} from './words.js';

const STEP = 15 * 60;

// colours shared with dashboard.css (.st-*)
const BAND = {
  RUN: 'rgba(46, 160, 67, 0.16)',
  HIGH: 'rgba(215, 58, 73, 0.20)',
  LOW: 'rgba(219, 171, 9, 0.22)',
  OFF: 'rgba(110, 118, 129, 0.16)',
  NO_DATA: 'rgba(255, 255, 255, 0)',
};
const LEVEL_COLOUR = {1: '#d73a49', 2: '#e8730c', 3: '#c49a00'};

/** DataTimes carry no zone (HJ 212): the axis shows them as sent, so they are read and drawn as UTC. */
function seconds(dataTime) {
  return Date.parse(dataTime + 'Z') / 1000;
}

const pad = (n) => String(n).padStart(2, '0');

/** Axis labels in 24-hour time, with the date (MM-DD) at midnight: the way the records' DataTime reads. */
function timeLabels(u, splits) {
  return splits.map((ts) => {
    const d = new Date(ts * 1000);
    const hm = pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
    return hm === '00:00' ? pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) : hm;
  });
}

function valueLabel(u, ts) {
  if (ts === null || ts === undefined) return '—';
  const d = new Date(ts * 1000);
  return pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
}

export function stateLegend() {
  return h('p', {class: 'legend'}, ['RUN', 'LOW', 'HIGH', 'OFF', 'NO_DATA'].map((s) =>
    h('span', {class: 'swatch st-' + s}, STATE[s])), h('span', {class: 'swatch alarm'}, '告警'));
}

export function loadCurve(box, states, alarms, title) {
  box.replaceChildren();
  const xs = states.states.map((s) => seconds(s.time));
  const ps = states.states.map((s) => (s.pKw === null || s.pKw === undefined ? null : s.pKw));
  const pOn = states.states.map(() => states.thresholds.pOn);
  const end = xs.length ? xs[xs.length - 1] + STEP : 0;
  const episodes = alarms.map((a) => ({
    from: seconds(a.start),
    to: a.end ? seconds(a.end) : end,
    raised: seconds(a.raisedAt),
    level: a.level,
    label: a.ruleId,
  }));

  const bands = (u) => {
    const ctx = u.ctx;
    const {top, height} = u.bbox;
    ctx.save();
    for (let i = 0; i < states.states.length; i++) {
      const x0 = u.valToPos(xs[i], 'x', true);
      const x1 = u.valToPos(xs[i] + STEP, 'x', true);
      ctx.fillStyle = BAND[states.states[i].state];
      ctx.fillRect(x0, top, x1 - x0, height);
    }
    ctx.restore();
  };
  const markers = (u) => {
    const ctx = u.ctx;
    const {top, height} = u.bbox;
    const px = window.devicePixelRatio || 1;
    ctx.save();
    let lastLabel = -Infinity;
    for (const e of episodes.slice().sort((a, b) => a.raised - b.raised)) {
      const x0 = u.valToPos(e.from, 'x', true);
      const x1 = u.valToPos(e.to, 'x', true);
      const xr = u.valToPos(e.raised, 'x', true);
      ctx.fillStyle = LEVEL_COLOUR[e.level] || '#d73a49';
      ctx.fillRect(x0, top, Math.max(x1 - x0, 2 * px), 6 * px); // the episode along the top
      ctx.globalAlpha = 0.8;
      ctx.fillRect(xr - px / 2, top, px, height); // where the rule's duration was reached
      ctx.globalAlpha = 1;
      ctx.beginPath(); // a triangle at raisedAt
      ctx.moveTo(xr - 6 * px, top);
      ctx.lineTo(xr + 6 * px, top);
      ctx.lineTo(xr, top + 10 * px);
      ctx.closePath();
      ctx.fill();
      const xl = Math.min(xr + 8 * px, u.bbox.left + u.bbox.width - 50 * px);
      if (xl - lastLabel > 50 * px) { // labels that would overlap are left to the list under the chart
        ctx.font = 11 * px + 'px sans-serif';
        ctx.fillText(e.label, xl, top + 18 * px);
        lastLabel = xl;
      }
    }
    ctx.restore();
  };

  const width = Math.max(box.clientWidth || 600, 280);
  const narrow = width < 500;
  const opts = {
    title,
    width,
    height: narrow ? 240 : 300,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    scales: {x: {time: true}, y: {range: (u, min, max) => [0, Math.max(max || 0, states.thresholds.pOn) * 1.1 || 1]}},
    axes: [{values: timeLabels}, {label: 'kW', size: narrow ? 44 : 56}],
    series: [
      {label: '时间', value: valueLabel},
      {label: '有功功率 P (kW)', stroke: '#1f6feb', width: 2, spanGaps: false, value: (u, v) => v === null ? '—' : v.toFixed(1)},
      {label: '启停阈值 P_on', stroke: '#6e7681', dash: [6, 4], width: 1, points: {show: false}},
    ],
    legend: {live: !narrow},
    hooks: {drawClear: [bands], draw: [markers]},
  };
  const plot = new uPlot(opts, [xs, ps, pOn], box);
  box.dataset.samples = String(xs.length);
  box.dataset.alarms = String(episodes.length);
  const resize = () => {
    if (!box.isConnected) {
      window.removeEventListener('resize', resize);
      return;
    }
    plot.setSize({width: Math.max(box.clientWidth, 280), height: opts.height});
  };
  window.addEventListener('resize', resize);
  return plot;
}
