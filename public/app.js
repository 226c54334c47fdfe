// Vigil's browsing page. Everything shown comes from untrusted reports, so the DOM is built
// with createElement and text nodes only: no string of data is ever parsed as HTML.

const PAGE_SIZE = 100;
const state = { q: '', offset: 0 };

const byId = (id) => document.getElementById(id);

/** An element with a class (or '') and children; strings become text nodes. */
function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

const show = (value) => (value === null || value === undefined || value === '' ? '–' : String(value));
const range = (low, high) => (low === high || high === null ? show(low) : `${show(low)}–${show(high)}`);

async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

function setStatus(message) {
  byId('status').textContent = message;
}

/** Only web links are made clickable: a report URL could be `javascript:`. */
function safeLink(url, label) {
  try {
    const parsed = new window.URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return label;
    const link = el('a', '', label);
    link.href = parsed.href;
    link.rel = 'noopener noreferrer';
    link.target = '_blank';
    return link;
  } catch {
    return label;
  }
}

/** `text` with the [start, end) spans wrapped in <mark title=...>; overlapping spans merge. */
function highlighted(text, spans) {
  const merged = [];
  const usable = spans.filter((s) => s.start >= 0 && s.start < s.end && s.end <= text.length);
  for (const span of usable.sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.title += `; ${span.title}`;
    } else {
      merged.push({ ...span });
    }
  }
  const fragment = document.createDocumentFragment();
  let position = 0;
  for (const span of merged) {
    const mark = el('mark', '', text.slice(span.start, span.end));
    mark.title = span.title;
    fragment.append(text.slice(position, span.start), mark);
    position = span.end;
  }
  fragment.append(text.slice(position));
  return fragment;
}

// ---- The list ----

function incidentRow(record) {
  const place = [record.location, record.admin1, record.country].filter(Boolean).join(', ');
  const row = el(
    'tr',
    '',
    el('td', 'nowrap', show(record.event_date)),
    el('td', '', record.event_type),
    el('td', '', record.sub_event_type),
    el('td', '', show(place)),
    el('td', '', show(record.actor1)),
    el('td', 'number', show(record.fatalities_low)),
    el('td', 'number', show(record.fatalities)),
    el('td', 'number', show(record.fatalities_high)),
    Object.assign(el('td', 'number', String(record.sources_count)), { title: record.source }),
  );
  row.tabIndex = 0;
  row.dataset.id = record.event_id;
  const open = () => {
    window.location.hash = encodeURIComponent(record.event_id);
  };
  row.addEventListener('click', open);
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') open();
  });
  return row;
}

function filterParams() {
  return state.q ? new URLSearchParams({ q: state.q }) : new URLSearchParams();
}

async function loadList() {
  const params = filterParams();
  const query = params.toString() ? `?${params}` : '';
  for (const format of ['json', 'csv', 'geojson']) byId(`export-${format}`).href = `/api/export.${format}${query}`;
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(state.offset));
  setStatus('Loading…');
  try {
    const { incidents } = await getJson(`/api/incidents?${params}`);
    byId('incidents').replaceChildren(...incidents.map(incidentRow));
    markSelected();
    setStatus(incidents.length === 0 ? 'No incidents.' : `Incidents ${state.offset + 1}–${state.offset + incidents.length}`);
    byId('previous').disabled = state.offset === 0;
    byId('next').disabled = incidents.length < PAGE_SIZE;
  } catch (error) {
    setStatus(`Could not load incidents: ${error.message}`);
  }
}

function selectedId() {
  return decodeURIComponent(window.location.hash.slice(1));
}

function markSelected() {
  for (const row of byId('incidents').rows) row.setAttribute('aria-selected', String(row.dataset.id === selectedId()));
}

// ---- The detail panel ----

const ROLE_LABELS = {
  main: 'the main event of the report that told it',
  further: 'a further event in the report that told it',
  background: 'background: an earlier event told for context',
};

function fieldList(record) {
  const fields = [
    ['Event id', record.event_id],
    ['Role', ROLE_LABELS[record.role] ?? record.role],
    ['Date', `${show(record.event_date)} (time precision ${record.time_precision})`],
    ['Location', [record.location, record.admin1, record.country].filter(Boolean).join(', ') || null],
    ['Coordinates', record.latitude === null ? null : `${record.latitude}, ${record.longitude} (geo precision ${record.geo_precision})`],
    ['Sites', record.sites.join('; ') || null],
    ['Actor 1', record.actor1],
    ['Actor 2', record.actor2],
    ['Fatalities (low / best / high)', `${show(record.fatalities_low)} / ${show(record.fatalities)} / ${show(record.fatalities_high)}`],
    ['Civilian fatalities', range(record.civilian_fatalities_low, record.civilian_fatalities_high)],
    ['Injured', range(record.injured_low, record.injured_high)],
    ['Sources', `${record.source} (${record.sources_count})`],
  ];
  return el('dl', 'fields', ...fields.flatMap(([name, value]) => [el('dt', '', name), el('dd', '', show(value))]));
}

function claimItem(claim) {
  // Claims carry the sentence offsets only, so the phrase is found inside the sentence text.
  const at = claim.text.indexOf(claim.phrase);
  const spans = at < 0 ? [] : [{ start: at, end: at + claim.phrase.length, title: claim.rule }];
  const figure = claim.vague_word ? `${claim.vague_word} (${range(claim.low, claim.high)})` : range(claim.low, claim.high);
  const who = [claim.speaker, claim.outlet && `via ${claim.outlet}`].filter(Boolean).join(' ') || 'unattributed';
  return el(
    'li',
    `claim ${claim.stance}`,
    el('blockquote', '', highlighted(claim.text, spans)),
    el(
      'p',
      'claim-meta',
      `${claim.stance === 'denies' ? 'Denies' : 'Asserts'}: ${claim.measure}, ${claim.victims}, ${claim.qualifier} ${figure}. `,
      `Said by ${who}.`,
      claim.actor ? ` About ${claim.actor}.` : null,
      claim.hedges.length ? ` Hedges: ${claim.hedges.join('; ')}.` : null,
      el('span', 'rule', ` Rule: ${claim.rule}`),
    ),
  );
}

function evidenceTable(evidence) {
  const rows = Object.entries(evidence).flatMap(([field, items]) =>
    items.map((item) => el('tr', '', el('th', '', field), el('td', '', `“${item.text}”`), el('td', 'rule', item.rule))),
  );
  if (rows.length === 0) return el('p', '', 'No field evidence.');
  return el('table', 'evidence', el('tbody', '', ...rows));
}

/** Spans of one report that this incident's claims and fields point at. */
function spansIn(reportId, detail) {
  const onlyReport = detail.reports.length === 1;
  const claims = detail.claims
    .filter((claim) => claim.report_id === reportId)
    .map((claim) => ({ start: claim.start, end: claim.end, title: `claim: ${claim.rule}` }));
  const fields = Object.entries(detail.evidence).flatMap(([field, items]) =>
    items
      .filter((item) => item.reportId === reportId || (!item.reportId && onlyReport))
      .map((item) => ({ start: item.start, end: item.end, title: `${field}: ${item.rule}` })),
  );
  return [...claims, ...fields];
}

function tallyItem(tally) {
  const who = [tally.speaker, tally.outlet && `via ${tally.outlet}`].filter(Boolean).join(' ') || 'unattributed';
  const where = [tally.period, tally.scope].filter(Boolean).join(', ');
  return el('li', '', `${range(tally.low, tally.high)} ${tally.measure} (${tally.victims})${where ? `, ${where}` : ''}. Said by ${who}: “${tally.phrase}”`);
}

function reportItem(report, detail) {
  const holder = el('div', 'report-text');
  const button = el('button', '', 'Show text');
  button.type = 'button';
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const full = await getJson(`/api/reports/${encodeURIComponent(report.id)}`);
      holder.replaceChildren(
        el('p', 'text', highlighted(full.text, spansIn(report.id, detail))),
        ...(full.captions.length ? [el('p', 'captions', `Captions (not used for coding): ${full.captions.join(' | ')}`)] : []),
      );
      button.remove();
    } catch (error) {
      holder.replaceChildren(`Could not load the report: ${error.message}`);
      button.disabled = false;
    }
  });
  const title = report.title ?? report.url ?? report.id;
  const tallies = report.tallies ?? [];
  return el(
    'li',
    '',
    report.url ? safeLink(report.url, title) : title,
    ` ${[report.source_name, report.published].filter(Boolean).join(', ')} `,
    button,
    ...(tallies.length
      ? [el('p', 'tallies-title', "Running tallies in this report (counts over a period, not this incident's toll):"), el('ul', 'tallies', ...tallies.map(tallyItem))]
      : []),
    holder,
  );
}

async function showIncident(id) {
  const panel = byId('detail');
  markSelected();
  if (!id) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  panel.replaceChildren(el('p', '', 'Loading…'));
  try {
    const detail = await getJson(`/api/incidents/${encodeURIComponent(id)}`);
    panel.replaceChildren(
      el('h2', '', `${detail.event_type}: ${detail.sub_event_type}`),
      el('p', 'notes', detail.notes),
      fieldList(detail),
      el('h3', '', `Claims (${detail.claims.length})`),
      el('ol', 'claims', ...detail.claims.map(claimItem)),
      el('h3', '', 'Field evidence'),
      evidenceTable(detail.evidence),
      el('h3', '', 'Reports'),
      el('ul', 'reports', ...detail.reports.map((report) => reportItem(report, detail))),
    );
  } catch (error) {
    panel.replaceChildren(el('p', 'error', `Could not load incident: ${error.message}`));
  }
}

// ---- Wiring ----

byId('search').addEventListener('submit', (event) => {
  event.preventDefault();
  state.q = byId('q').value.trim();
  state.offset = 0;
  loadList();
});
byId('previous').addEventListener('click', () => {
  state.offset = Math.max(0, state.offset - PAGE_SIZE);
  loadList();
});
byId('next').addEventListener('click', () => {
  state.offset += PAGE_SIZE;
  loadList();
});
window.addEventListener('hashchange', () => showIncident(selectedId()));

loadList();
showIncident(selectedId());
