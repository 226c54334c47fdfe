// The incident table: sortable columns, the total, and more rows by cursor.
import { api, type IncidentItem, type ListQuery } from './api.js';
import { colourOf } from './colours.js';
import { h, numberText, replaceChildren } from './dom.js';

/** Columns, and the API sort key of those that sort. */
const COLUMNS: Array<{ title: string; sort?: ListQuery['sort']; cell: (i: IncidentItem) => Node | string }> = [
  { title: 'Date', sort: 'date', cell: (i) => i.event_date ?? '–' },
  { title: 'Type', sort: 'event_type', cell: (i) => h('span', { class: 'type' }, h('span', { class: 'dot', 'data-colour': colourOf(i.event_type) }), i.event_type) },
  { title: 'Place', sort: 'country', cell: (i) => [i.location, i.country].filter(Boolean).join(', ') || '–' },
  { title: 'Actors', cell: (i) => [i.actor1, i.actor2].filter(Boolean).join(' vs ') || '–' },
  { title: 'Killed', sort: 'fatalities', cell: (i) => numberText(i.fatalities) },
  { title: 'Review', cell: (i) => h('span', { class: `status status-${i.review_status}` }, i.review_status) },
];

export interface TableOptions {
  query: Partial<ListQuery>;
  sort: string;
  order: string;
  onSort: (sort: string, order: 'asc' | 'desc') => void;
  onOpen: (id: string) => void;
}

function paintDots(root: Element): void {
  for (const dot of root.querySelectorAll<HTMLElement>('.dot')) dot.style.background = dot.dataset.colour ?? '';
}

export async function renderTable(container: HTMLElement, options: TableOptions): Promise<void> {
  const body = h('tbody');
  const total = h('p', { class: 'total', id: 'total' }, 'loading…');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const header = h(
    'tr',
    {},
    ...COLUMNS.map((column) => {
      if (!column.sort) return h('th', { scope: 'col' }, column.title);
      const active = options.sort === column.sort;
      const order = active ? options.order || (column.sort === 'country' || column.sort === 'event_type' ? 'asc' : 'desc') : '';
      const next = active && order === 'desc' ? 'asc' : active ? 'desc' : column.sort === 'country' || column.sort === 'event_type' ? 'asc' : 'desc';
      return h(
        'th',
        { scope: 'col', 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : null },
        h('button', { type: 'button', class: 'sort', onclick: () => options.onSort(column.sort!, next) }, column.title, active ? (order === 'asc' ? ' ▲' : ' ▼') : ''),
      );
    }),
  );
  replaceChildren(container, total, h('div', { class: 'table-wrap' }, h('table', { id: 'incidents', class: 'incidents' }, h('thead', {}, header), body)), more);

  let cursor: string | null = null;
  const load = async () => {
    const page = await api.incidents({ ...options.query, sort: options.sort as ListQuery['sort'], order: (options.order || undefined) as ListQuery['order'], limit: 100, ...(cursor ? { cursor } : {}) });
    for (const incident of page.incidents) {
      body.appendChild(
        h(
          'tr',
          { class: 'clickable', tabindex: 0, 'data-id': incident.event_id, onclick: () => options.onOpen(incident.event_id), onkeydown: (e: Event) => (e as KeyboardEvent).key === 'Enter' && options.onOpen(incident.event_id) },
          ...COLUMNS.map((column) => h('td', { 'data-label': column.title }, column.cell(incident))),
        ),
      );
    }
    paintDots(body);
    if (page.total !== null) total.textContent = `${page.total.toLocaleString('en-US')} incident${page.total === 1 ? '' : 's'}`;
    cursor = page.next_cursor;
    more.hidden = cursor === null;
  };
  more.addEventListener('click', () => void load());
  await load();
}
