// The analyst's workbench: sign-in, then the list view (filters, map, timeline, table), the
// incident page and the review queue. The URL holds the view (state.ts).
import './style.css';
import { renderAdmin } from './admin.js';
import { api, ApiError, type ExportRecord, type FilterQuery, type Session } from './api.js';
import { EVENT_COLOURS } from './colours.js';
import { h, replaceChildren } from './dom.js';
import { renderIncident } from './incident.js';
import { IncidentMap } from './map.js';
import { renderReviewQueue } from './review.js';
import { filterQuery, readState, stateUrl, type Filters, type ViewState } from './state.js';
import { renderTable } from './table.js';
import { drawTimeline } from './timeline.js';

const root = document.getElementById('app')!;
let session: Session;
let state: ViewState = readState();
let leaveView: (() => void) | null = null;

const canReview = () => session.user?.role === 'analyst' || session.user?.role === 'admin';
const isAdmin = () => session.user?.role === 'admin';

function navigate(next: Partial<ViewState>, push = true): void {
  state = { ...state, ...next };
  if (push) history.pushState(null, '', stateUrl(state));
  else history.replaceState(null, '', stateUrl(state));
  void render();
}

function setFilters(filters: Filters): void {
  navigate({ filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) }, false);
}

function showError(container: HTMLElement, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return void renderSignIn();
  replaceChildren(container, h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error)));
}

function renderSignIn(message = ''): void {
  const name = h('input', { name: 'name', autocomplete: 'username', required: true, value: 'admin' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const note = h('p', { class: 'error', role: 'alert' }, message);
  const form = h(
    'form',
    { class: 'signin', id: 'signin' },
    h('h1', {}, 'Vigil'),
    h('label', {}, 'Name', name),
    h('label', {}, 'Password', password),
    h('button', { type: 'submit' }, 'Sign in'),
    note,
    h('p', { class: 'muted' }, 'The first start prints the admin password. An admin adds people on the Admin page (or: vigil user add NAME --role analyst).'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api
      .signIn(name.value, password.value)
      .then((s) => ((session = s), render()))
      .catch((error: unknown) => (note.textContent = error instanceof Error ? error.message : String(error)));
  });
  replaceChildren(root, form);
}

function header(): HTMLElement {
  const nav = (label: string, view: ViewState['view']) => h('button', { type: 'button', class: state.view === view ? 'nav active' : 'nav', 'aria-current': state.view === view ? 'page' : null, onclick: () => navigate({ view, id: null }) }, label);
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Vigil'),
    h('nav', {}, nav('Incidents', 'list'), canReview() ? nav('Review queue', 'review') : null, isAdmin() ? nav('Admin', 'admin') : null),
    h(
      'div',
      { class: 'who' },
      session.user ? h('span', { id: 'user' }, `${session.user.name} (${session.user.role})`) : h('span', {}, 'public'),
      session.user ? h('button', { type: 'button', class: 'link', onclick: () => void api.signOut().then(() => renderSignIn()) }, 'Sign out') : h('button', { type: 'button', class: 'link', onclick: () => renderSignIn() }, 'Sign in'),
    ),
  );
}

function filterForm(): HTMLFormElement {
  const f = state.filters;
  const input = (name: keyof Filters, label: string, attributes: Record<string, string> = {}) => h('label', {}, label, h('input', { name, value: f[name] ?? '', ...attributes }));
  const select = (name: keyof Filters, label: string, options: string[]) =>
    h('label', {}, label, h('select', { name }, h('option', { value: '' }, 'any'), ...options.map((o) => h('option', { value: o, selected: f[name] === o }, o))));
  const form = h(
    'form',
    { class: 'filters', id: 'filters' },
    input('q', 'Search', { type: 'search', placeholder: 'place, actor, notes' }),
    input('from', 'From', { type: 'date' }),
    input('to', 'To', { type: 'date' }),
    input('country', 'Country'),
    select('event_type', 'Event type', Object.keys(EVENT_COLOURS)),
    input('actor', 'Actor'),
    input('min_fatalities', 'Min. killed', { type: 'number', min: '0' }),
    select('grade', 'Grade', ['confirmed', 'fair', 'weak', 'contested', 'discounted'] satisfies Array<NonNullable<FilterQuery['grade']>>),
    canReview() ? select('review_status', 'Review', ['new', 'accepted', 'rejected']) : null,
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'area', checked: Boolean(f.bbox) }), 'Only the map’s area'),
    h('button', { type: 'submit' }, 'Apply'),
    h('button', { type: 'button', class: 'link', onclick: () => setFilters({}) }, 'Clear'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next: Filters = {};
    for (const key of ['q', 'from', 'to', 'country', 'event_type', 'actor', 'min_fatalities', 'grade', 'review_status'] as const) next[key] = String(data.get(key) ?? '');
    next.bbox = data.get('area') ? (state.filters.bbox ?? currentMap?.bbox()) : undefined;
    setFilters(next);
  });
  form.addEventListener('change', () => form.requestSubmit());
  return form;
}

let currentMap: IncidentMap | null = null;

async function renderList(main: HTMLElement): Promise<void> {
  const mapBox = h('div', { class: 'map', id: 'map' });
  const intervalSelect = h('select', { 'aria-label': 'timeline interval', id: 'interval' }, ...(['day', 'week', 'month'] as const).map((i) => h('option', { value: i, selected: state.interval === i }, `per ${i}`)));
  intervalSelect.addEventListener('change', () => navigate({ interval: intervalSelect.value as ViewState['interval'] }, false));
  const timelineBox = h('div', { class: 'timeline', id: 'timeline' });
  const tableBox = h('section', { class: 'list' });
  const { from, to, bbox: _area, ...context } = state.filters;
  replaceChildren(
    main,
    filterForm(),
    h(
      'div',
      { class: 'workbench' },
      h('section', { class: 'overview' }, mapBox, h('div', { class: 'timeline-head' }, h('h2', {}, 'Incidents and killed over time'), intervalSelect, from || to ? h('button', { type: 'button', class: 'link', onclick: () => setFilters({ ...state.filters, from: undefined, to: undefined }) }, `clear ${from ?? '…'} – ${to ?? '…'}`) : null), timelineBox),
      tableBox,
    ),
  );
  currentMap = new IncidentMap(
    mapBox,
    state.filters.bbox,
    (id) => navigate({ view: 'incident', id }),
    (area) => state.filters.bbox && area !== state.filters.bbox && setFilters({ ...state.filters, bbox: area }),
  );
  void renderTable(tableBox, {
    query: filterQuery(state.filters),
    sort: state.sort,
    order: state.order,
    onSort: (sort, order) => navigate({ sort, order }, false),
    onOpen: (id) => navigate({ view: 'incident', id }),
  }).catch((error: unknown) => showError(tableBox, error));
  // The timeline shows the whole span of the other filters, so that a brush can widen again.
  const records: ExportRecord[] = await api.records(filterQuery(context));
  const inRange = records.filter((r) => (!from || (r.event_date ?? '') >= from) && (!to || (r.event_date ?? '') <= to));
  currentMap.show(inRange);
  drawTimeline(timelineBox, records, state.interval, { from, to }, (start, end) => setFilters({ ...state.filters, from: start, to: end }));
}

async function render(): Promise<void> {
  leaveView?.();
  leaveView = null;
  if (!session.user && !session.public_read) return renderSignIn();
  const main = h('main', { id: 'main' });
  replaceChildren(root, header(), main);
  try {
    if (state.view === 'incident' && state.id) {
      await renderIncident(main, state.id, { canReview: canReview(), onReviewed: () => undefined, back: () => navigate({ view: 'list', id: null }) });
    } else if (state.view === 'review' && canReview()) {
      leaveView = await renderReviewQueue(main, filterQuery(state.filters), (id) => navigate({ view: 'incident', id }));
    } else if (state.view === 'admin') {
      if (isAdmin()) await renderAdmin(main, session.user!.name);
      else replaceChildren(main, h('p', { class: 'error', role: 'alert', id: 'refused' }, 'Only admins manage users, API tokens and settings.'));
    } else await renderList(main);
  } catch (error) {
    showError(main, error);
  }
}

window.addEventListener('popstate', () => {
  state = readState();
  void render();
});

api
  .session()
  .then((s) => ((session = s), render()))
  .catch((error: unknown) => showError(root, error));
