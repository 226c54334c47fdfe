// The view lives in the URL, so that it can be shared: which page, which incident, the filters,
// the sort, the timeline's interval and whether the map's visible area filters the list.
import type { FilterQuery } from './api.js';

export type View = 'list' | 'incident' | 'review' | 'admin';
export type Interval = 'day' | 'week' | 'month';

export const FILTER_KEYS = ['q', 'from', 'to', 'country', 'admin1', 'event_type', 'sub_event_type', 'actor', 'min_fatalities', 'review_status', 'grade', 'bbox'] as const;
export type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export interface ViewState {
  view: View;
  id: string | null;
  filters: Filters;
  sort: string;
  order: 'asc' | 'desc' | '';
  interval: Interval;
}

export function readState(): ViewState {
  const params = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const view = params.get('view');
  const interval = params.get('interval');
  const order = params.get('order');
  return {
    view: view === 'incident' || view === 'review' || view === 'admin' ? view : 'list',
    id: params.get('id'),
    filters,
    sort: params.get('sort') ?? 'date',
    order: order === 'asc' || order === 'desc' ? order : '',
    interval: interval === 'day' || interval === 'week' ? interval : 'month',
  };
}

export function stateUrl(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== 'list') params.set('view', state.view);
  if (state.id) params.set('id', state.id);
  for (const key of FILTER_KEYS) if (state.filters[key]) params.set(key, state.filters[key]!);
  if (state.sort !== 'date') params.set('sort', state.sort);
  if (state.order) params.set('order', state.order);
  if (state.interval !== 'month') params.set('interval', state.interval);
  const text = params.toString();
  return text ? `/?${text}` : '/';
}

/** The filters as API parameters. */
export function filterQuery(filters: Filters): Partial<FilterQuery> {
  const { min_fatalities: minimum, review_status: status, grade, ...rest } = filters;
  return {
    ...rest,
    ...(minimum ? { min_fatalities: Number(minimum) } : {}),
    ...(status ? { review_status: status as FilterQuery['review_status'] } : {}),
    ...(grade ? { grade: grade as FilterQuery['grade'] } : {}),
  };
}
