// The incident page: its fields, the reconciled low / best / high, the claims table, the review
// (accept or reject, for analysts), and each report by title and outlet with the phrases
// behind every field and claim highlighted; a claim row scrolls to its phrase.
import { api, type ApiReport, type IncidentDetail } from './api.js';
import { colourOf } from './colours.js';
import { h, numberText, replaceChildren } from './dom.js';
import { decisionForms, historyList } from './decide.js';
import { highlighted, type Span } from './highlight.js';

export interface IncidentPageOptions {
  canReview: boolean;
  onReviewed: (incident: IncidentDetail) => void;
  back: () => void;
}

const claimAnchor = (index: number) => `claim-${index}`;

function field(name: string, value: string | number | null | undefined): HTMLElement {
  return h('div', { class: 'field' }, h('dt', {}, name), h('dd', {}, value === null || value === undefined || value === '' ? '–' : String(value)));
}

function spansOf(incident: IncidentDetail, reportId: string): Span[] {
  const spans: Span[] = [];
  for (const [name, list] of Object.entries(incident.evidence)) for (const span of list) if (span.report_id === reportId) spans.push({ start: span.start, end: span.end, label: name });
  incident.claims.forEach((claim, index) => {
    if (claim.report_id === reportId) spans.push({ start: claim.phrase_start, end: claim.phrase_end, label: `claim ${index + 1}: ${claim.measure} ${claim.qualifier}`, anchor: claimAnchor(index) });
  });
  return spans;
}

function scrollToClaim(index: number): void {
  const mark = document.getElementById(claimAnchor(index));
  if (!mark) return;
  mark.scrollIntoView({ block: 'center' });
  mark.classList.remove('flash');
  void mark.offsetWidth;
  mark.classList.add('flash');
}

export async function renderIncident(container: HTMLElement, id: string, options: IncidentPageOptions): Promise<void> {
  const incident = await api.incident(id);
  const reports = await Promise.all(incident.reports.map((r) => api.report(r.id).catch(() => null)));
  draw(container, incident, reports.filter((r): r is ApiReport => r !== null), options);
}

function draw(container: HTMLElement, incident: IncidentDetail, reports: ApiReport[], options: IncidentPageOptions): void {
  const review = async (action: 'accept' | 'reject') => {
    const updated = await api.review(incident.event_id, action);
    draw(container, updated, reports, options);
    options.onReviewed(updated);
  };
  const outletOf = new Map(incident.reports.map((r) => [r.id, r.outlet ?? r.short_id]));
  replaceChildren(
    container,
    h('p', {}, h('button', { type: 'button', class: 'link', onclick: options.back }, '← Back to the list')),
    h(
      'header',
      { class: 'incident-head' },
      h('h2', {}, h('span', { class: 'swatch', 'data-type': incident.event_type, style: null }), `${incident.event_type} — ${incident.location ?? incident.country ?? 'unknown place'}`),
      h('p', { class: 'muted' }, `${incident.event_id} · ${incident.event_date ?? 'undated'} · ${incident.sub_event_type}`),
      h(
        'div',
        { class: 'review-bar' },
        h('span', { class: `status status-${incident.review_status}` }, incident.review_status),
        incident.reviewed_by ? h('span', { class: 'muted' }, ` by ${incident.reviewed_by} at ${incident.reviewed_at?.slice(0, 16).replace('T', ' ')}`) : null,
        options.canReview ? h('button', { type: 'button', class: 'accept', onclick: () => void review('accept') }, 'Accept') : null,
        options.canReview ? h('button', { type: 'button', class: 'reject', onclick: () => void review('reject') }, 'Reject') : null,
      ),
    ),
    h(
      'section',
      { class: 'figures' },
      h('div', { class: 'figure' }, h('span', { class: 'label' }, 'low'), h('strong', {}, numberText(incident.fatalities_low))),
      h('div', { class: 'figure best' }, h('span', { class: 'label' }, 'best'), h('strong', {}, numberText(incident.fatalities))),
      h('div', { class: 'figure' }, h('span', { class: 'label' }, 'high'), h('strong', {}, numberText(incident.fatalities_high))),
      h('p', { class: 'muted why' }, `killed, reconciled from ${incident.claims.length} claim${incident.claims.length === 1 ? '' : 's'} in ${incident.sources_count} source${incident.sources_count === 1 ? '' : 's'}`),
      incident.grade ? h('p', { class: 'grade', id: 'grade' }, h('strong', {}, `Grade: ${incident.grade}`), incident.grade_reason ? ` — ${incident.grade_reason}` : '') : null,
    ),
    incident.flags.length > 0 ? h('ul', { class: 'flags' }, ...incident.flags.map((flag) => h('li', {}, `${flag.kind}: ${flag.detail}`))) : null,
    h(
      'dl',
      { class: 'fields' },
      field('Actor 1', incident.actor1),
      field('Actor 2', incident.actor2),
      field('Location', incident.location),
      field('Region', incident.admin1),
      field('Country', incident.country),
      field('Coordinates', incident.latitude === null ? null : `${incident.latitude}, ${incident.longitude} (precision ${incident.geo_precision})`),
      field('Civilians killed', incident.civilian_fatalities_low === null ? null : `${incident.civilian_fatalities_low}–${incident.civilian_fatalities_high ?? '?'}`),
      field('Injured', incident.injured_low === null ? null : `${incident.injured_low}–${incident.injured_high ?? '?'}`),
      field('Role in report', incident.role),
      field('Notes', incident.notes),
    ),
    h('h3', {}, 'Claims'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'claims' },
        h('thead', {}, h('tr', {}, ...['#', 'Source', 'Stance', 'Figure', 'Qualifier', 'Victims', 'Phrase'].map((c) => h('th', {}, c)))),
        h(
          'tbody',
          {},
          ...incident.claims.map((claim, index) =>
            h(
              'tr',
              { class: 'clickable', tabindex: 0, title: 'show the phrase in its report', onclick: () => scrollToClaim(index), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && scrollToClaim(index) },
              h('td', {}, index + 1),
              h('td', {}, [claim.speaker, claim.outlet ?? outletOf.get(claim.report_id ?? '')].filter(Boolean).join(' via ') || '–'),
              h('td', {}, claim.stance),
              h('td', { class: 'num' }, claim.low === claim.high || claim.high === null ? numberText(claim.low) : `${numberText(claim.low)}–${numberText(claim.high)}`),
              h('td', {}, claim.qualifier),
              h('td', {}, `${claim.measure} ${claim.victims}`),
              h('td', { class: 'phrase' }, claim.phrase),
            ),
          ),
        ),
      ),
    ),
    options.canReview ? decisionForms(incident, (updated) => (draw(container, updated, reports, options), options.onReviewed(updated))) : null,
    historyList(incident),
    h('h3', {}, 'Reports'),
    ...reports.map((report) =>
      h(
        'article',
        { class: 'report' },
        h('h4', {}, report.title ?? '(untitled report)'),
        h('p', { class: 'muted' }, [report.outlet, report.published, report.short_id].filter(Boolean).join(' · '), report.url ? h('span', {}, ' · ', h('a', { href: report.url.startsWith('http') ? report.url : null, rel: 'noreferrer noopener', target: '_blank' }, 'original')) : null),
        h('div', { class: 'report-text' }, highlighted(report.text, spansOf(incident, report.id))),
      ),
    ),
  );
  for (const swatch of container.querySelectorAll<HTMLElement>('.swatch')) swatch.style.background = colourOf(swatch.dataset.type ?? '');
}
