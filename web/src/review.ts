// The review queue: incidents no analyst has decided on, oldest first, one selected at a time.
// Keys: j / k (or arrows) move, a accepts, r rejects, Enter opens the incident page.
import { api, type IncidentItem, type ListQuery } from './api.js';
import { h, numberText, replaceChildren } from './dom.js';

export async function renderReviewQueue(container: HTMLElement, query: Partial<ListQuery>, onOpen: (id: string) => void): Promise<() => void> {
  const page = await api.incidents({ ...query, review_status: 'new', sort: 'date', order: 'asc', limit: 200 });
  const items: IncidentItem[] = page.incidents;
  let selected = 0;
  const list = h('ol', { class: 'queue', id: 'queue' });
  const status = h('p', { class: 'muted', role: 'status' });
  const draw = () => {
    replaceChildren(
      list,
      ...items.map((item, index) =>
        h(
          'li',
          { class: index === selected ? 'selected' : '', 'aria-selected': index === selected ? 'true' : 'false', 'data-id': item.event_id, onclick: () => ((selected = index), draw()) },
          h('strong', {}, `${item.event_date ?? 'undated'} · ${item.event_type}`),
          h('span', {}, ` ${[item.location, item.country].filter(Boolean).join(', ')} · ${numberText(item.fatalities)} killed · ${item.source}`),
          h('div', { class: 'muted' }, item.notes),
        ),
      ),
    );
    status.textContent = items.length === 0 ? 'Nothing left to review.' : `${items.length} of ${page.total ?? items.length} to review`;
    list.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  };
  const decide = async (action: 'accept' | 'reject') => {
    const item = items[selected];
    if (!item) return;
    await api.review(item.event_id, action);
    items.splice(selected, 1);
    selected = Math.min(selected, items.length - 1);
    status.textContent = `${item.event_id} ${action === 'accept' ? 'accepted' : 'rejected'}`;
    draw();
  };
  const onKey = (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    const moves: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };
    if (event.key in moves) {
      selected = Math.max(0, Math.min(items.length - 1, selected + moves[event.key]!));
      draw();
    } else if (event.key === 'a') void decide('accept');
    else if (event.key === 'r') void decide('reject');
    else if (event.key === 'Enter' && items[selected]) onOpen(items[selected]!.event_id);
    else return;
    event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  replaceChildren(
    container,
    h('h2', {}, 'Review queue'),
    h('p', { class: 'muted keys' }, 'j / k move · a accept · r reject · Enter open'),
    h('div', { class: 'queue-actions' }, h('button', { type: 'button', class: 'accept', onclick: () => void decide('accept') }, 'Accept (a)'), h('button', { type: 'button', class: 'reject', onclick: () => void decide('reject') }, 'Reject (r)')),
    status,
    list,
  );
  draw();
  return () => document.removeEventListener('keydown', onKey);
}
