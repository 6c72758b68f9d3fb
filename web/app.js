// dyad's web page: a world map, a timeline, a relationship chart and an article view over the
// JSON API of `dyad serve` (docs/SERVE.md). Bundled by esbuild with its libraries and the
// world-atlas country shapes into build/web/app.js: nothing is fetched from the internet.
import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import world from 'world-atlas/countries-110m.json';

const QUAD_NAMES = ['', 'verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];
const QUAD_COLOURS = ['#868e96', '#2f9e44', '#1971c2', '#f08c00', '#e03131'];
const PAGE = 500;
const SVG = 'http://www.w3.org/2000/svg';

const $ = (id) => document.getElementById(id);
const state = { filters: {}, events: [], offset: 0, selected: null };

// Elements are built with textContent only: stored text is never parsed as HTML.
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c ?? '')));
  return e;
}

async function api(path, params = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v != null) q.set(k, v);
  const url = '/api/' + path + (q.toString() ? '?' + q : '');
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function showError(target, err) {
  target.replaceChildren(el('p', { class: 'error' }, String(err.message || err)));
}

// ---- map ----
const projection = geoNaturalEarth1().fitExtent([[4, 4], [956, 476]], { type: 'Sphere' });
const path = geoPath(projection);

function drawBaseMap() {
  const svg = $('map');
  const add = (d, cls) => {
    const p = document.createElementNS(SVG, 'path');
    p.setAttribute('d', d);
    p.setAttribute('class', cls);
    svg.append(p);
  };
  add(path({ type: 'Sphere' }), 'sphere');
  add(path(geoGraticule10()), 'graticule');
  for (const f of feature(world, world.objects.countries).features) add(path(f) || '', 'country');
  const dots = document.createElementNS(SVG, 'g');
  dots.id = 'map-events';
  svg.append(dots);
}

function drawEvents() {
  const g = $('map-events');
  g.replaceChildren();
  let n = 0;
  // Older first, so the newest dots are drawn on top.
  for (const e of [...state.events].reverse()) {
    if (e.place.lat == null || e.place.lon == null) continue;
    const xy = projection([e.place.lon, e.place.lat]);
    if (!xy) continue;
    const c = document.createElementNS(SVG, 'circle');
    c.setAttribute('cx', xy[0].toFixed(1));
    c.setAttribute('cy', xy[1].toFixed(1));
    c.setAttribute('r', String(Math.min(9, 3 + Math.sqrt(e.num_mentions))));
    c.setAttribute('fill', QUAD_COLOURS[e.quad_class ?? 0]);
    c.setAttribute('class', 'event-dot');
    c.dataset.key = e.event_key;
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${e.date} ${e.source.code} ${e.code_name} ${e.target.code} — ${e.place.name}`;
    c.append(title);
    c.addEventListener('click', () => selectEvent(e));
    g.append(c);
    n++;
  }
  $('map').dataset.events = String(n);
}

// ---- event list and detail ----
function eventRow(e) {
  return el('tr', { 'data-key': e.event_key, onclick: () => selectEvent(e) },
    el('td', { class: 'quad q' + (e.quad_class ?? 0) }, e.date),
    el('td', { title: e.source.name }, e.source.code),
    el('td', { title: e.code }, e.code_name || e.code),
    el('td', { title: e.target.name }, e.target.code),
    el('td', {}, e.place.name ? `${e.place.name}, ${e.place.country}` : ''));
}

function drawList(append) {
  const rows = $('event-rows');
  if (!append) rows.replaceChildren();
  const start = append ? rows.children.length : 0;
  for (const e of state.events.slice(start)) rows.append(eventRow(e));
  rows.dataset.rows = String(rows.children.length);
  $('events-count').textContent = `${rows.children.length}${$('more').hidden ? '' : '+'} shown`;
}

function selectEvent(e) {
  state.selected = e.event_key;
  for (const c of document.querySelectorAll('#map .event-dot')) c.classList.toggle('selected', c.dataset.key === e.event_key);
  const actor = (a) => (a.code ? `${a.name || a.code} (${a.code})` : '—');
  $('detail').replaceChildren(
    el('p', { class: 'sentence' }, e.sentence || '(no sentence stored)'),
    el('dl', {},
      el('dt', {}, 'date'), el('dd', {}, e.date),
      el('dt', {}, 'source'), el('dd', {}, actor(e.source)),
      el('dt', {}, 'event'), el('dd', {}, `${e.code} ${e.code_name} (${e.plover})`),
      el('dt', {}, 'target'), el('dd', {}, actor(e.target)),
      el('dt', {}, 'QuadClass'), el('dd', {}, `${e.quad_class} ${QUAD_NAMES[e.quad_class ?? 0]}, Goldstein ${e.goldstein}`),
      el('dt', {}, 'place'), el('dd', {}, e.place.name ? `${e.place.name}, ${e.place.country} (${e.place.lat}, ${e.place.lon})` : '—'),
      el('dt', {}, 'reports'), el('dd', {}, `${e.num_mentions} mentions, ${e.num_articles} articles, ${e.num_sources} sources`)),
    e.article_id ? el('button', { onclick: () => showArticle(e.article_id, e.sentence_index) }, 'open article') : '');
}

async function loadEvents(append = false) {
  if (!append) state.offset = 0;
  try {
    const page = await api('events', { ...state.filters, limit: PAGE, offset: state.offset });
    state.events = append ? state.events.concat(page.events) : page.events;
    state.offset += page.events.length;
    $('more').hidden = !page.more;
    drawEvents();
    drawList(append);
  } catch (err) {
    showError($('detail'), err);
  }
}

// ---- timeline ----
const dayToSeconds = (d) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +(d.slice(8, 10) || 1)) / 1000;
const plots = {};

function drawChart(id, data, series, opts = {}) {
  const box = $(id);
  plots[id]?.destroy();
  box.replaceChildren();
  const width = Math.max(300, box.clientWidth || 600);
  plots[id] = new uPlot({ width, height: 200, series: [{}, ...series], scales: { x: { time: true } }, ...opts }, data, box);
}

async function loadTimeline() {
  try {
    const t = await api('timeline', state.filters);
    const x = t.days.map((d) => dayToSeconds(d.date));
    const total = t.days.map((d) => d.events);
    const quad = [0, 1, 2, 3].map((i) => t.days.map((d) => d.quad[i]));
    // Days are sparse: bars for the total, dots (no lines across empty days) by QuadClass.
    drawChart('timeline', [x, total, ...quad], [
      { label: 'events', stroke: '#495057', fill: '#adb5bd', paths: uPlot.paths.bars({ size: [0.9, 12] }) },
      ...[1, 2, 3, 4].map((q) => ({ label: QUAD_NAMES[q], stroke: QUAD_COLOURS[q], paths: () => null,
                                    points: { show: true, size: 5, fill: QUAD_COLOURS[q] } })),
    ]);
    $('timeline').dataset.days = String(t.days.length);
    $('timeline').dataset.events = String(total.reduce((a, b) => a + b, 0));
  } catch (err) {
    showError($('timeline'), err);
  }
}

// ---- relationship chart ----
async function loadRelations() {
  const f = new FormData($('relations-form'));
  const params = { a: f.get('a').trim().toUpperCase(), b: f.get('b').trim().toUpperCase(), by: f.get('by') };
  try {
    const r = await api('relations', params);
    const x = r.periods.map((p) => dayToSeconds(p.period));
    const quad = [0, 1, 2, 3].map((i) => r.periods.map((p) => p.quad[i]));
    const mean = r.periods.map((p) => p.goldstein_mean);
    drawChart('relations', [x, ...quad, mean], [
      ...[1, 2, 3, 4].map((q) => ({ label: QUAD_NAMES[q], stroke: QUAD_COLOURS[q], width: 2 })),
      { label: 'Goldstein mean', stroke: '#000', dash: [4, 4], scale: 'g', spanGaps: true },
    ], { axes: [{}, { label: 'events' }, { side: 1, scale: 'g', label: 'Goldstein', grid: { show: false } }],
         scales: { x: { time: true }, g: { range: [-10, 10] } } });
    const n = r.periods.reduce((a, p) => a + p.events, 0);
    $('relations').dataset.events = String(n);
    $('relations').prepend(el('p', { class: 'hint' }, `${params.a}–${params.b}: ${n} events in ${r.periods.length} periods`));
  } catch (err) {
    showError($('relations'), err);
  }
}

// ---- article view ----
// Byte offsets (UTF-8, as stored) to string indices of `text`.
function byteToIndex(text) {
  const map = new Map();
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    map.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(bytes, i);
  return (b) => map.get(b);
}

async function showArticle(id, sentenceIndex) {
  const box = $('article');
  try {
    const a = await api('article/' + encodeURIComponent(id));
    const toIndex = byteToIndex(a.text);
    // Each character's classes, then runs of equal classes.
    const classes = new Array(a.text.length).fill('');
    const mark = (span, cls) => {
      const b = toIndex(span[0]);
      const e = toIndex(span[1]);
      if (span[0] < 0 || b == null || e == null) return;
      for (let i = b; i < e; i++) if (!classes[i].includes(cls)) classes[i] += ' ' + cls;
    };
    for (const m of a.mentions) {
      if (m.sentence_index === sentenceIndex) mark(m.spans.sentence, 'hl-sentence');
      mark(m.spans.source, 'hl-actor');
      mark(m.spans.target, 'hl-actor');
      mark(m.spans.trigger, 'hl-verb');
      mark(m.spans.place, 'hl-place');
    }
    const text = el('div', { id: 'article-text' });
    let start = 0;
    for (let i = 1; i <= a.text.length; i++) {
      if (i === a.text.length || classes[i] !== classes[start]) {
        const chunk = a.text.slice(start, i);
        text.append(classes[start] ? el('span', { class: classes[start].trim() }, chunk) : document.createTextNode(chunk));
        start = i;
      }
    }
    box.replaceChildren(
      el('h3', {}, a.title || a.id),
      el('p', { class: 'hint' }, `${a.date} · ${a.publisher} · ${a.mentions.length} event mentions`),
      text);
    box.dataset.article = a.id;
    // Scroll the article box (not the page) to the event's sentence.
    const hit = text.querySelector('.hl-sentence');
    if (hit) text.scrollTop = Math.max(0, hit.offsetTop - text.offsetTop - 40);
  } catch (err) {
    showError(box, err);
  }
}

// ---- wiring ----
function readFilters() {
  const f = new FormData($('filters'));
  const out = {};
  for (const [k, v] of f.entries()) {
    const s = String(v).trim();
    if (s) out[k] = ['actor', 'country'].includes(k) ? s.toUpperCase() : s;
  }
  return out;
}

async function main() {
  drawBaseMap();
  $('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    state.filters = readFilters();
    loadEvents();
    loadTimeline();
  });
  $('filters').addEventListener('reset', () => setTimeout(() => $('filters').requestSubmit(), 0));
  $('relations-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    loadRelations();
  });
  $('more').addEventListener('click', () => loadEvents(true));
  api('meta').then((m) => {
    $('meta').textContent = `${m.events} events from ${m.articles} articles, ${m.first_date} to ${m.last_date}`;
    document.body.dataset.events = String(m.events);
  }).catch((err) => showError($('meta'), err));
  // The relationship chart starts on the most frequent pair of countries.
  const top = await api('top', { by: 'dyad', limit: 1 }).catch(() => ({ rows: [] }));
  if (top.rows.length) {
    const [a, b] = top.rows[0].key.split('>');
    $('relations-form').elements.a.value = a.slice(0, 3);
    $('relations-form').elements.b.value = b.slice(0, 3);
  }
  await Promise.all([loadEvents(), loadTimeline(), loadRelations()]);
  const first = state.events.find((e) => e.place.lat != null) || state.events[0];
  if (first) {
    selectEvent(first);
    if (first.article_id) await showArticle(first.article_id, first.sentence_index);
  }
  document.body.dataset.ready = '1';  // the browser test waits for this
}

main();
