// The analyst's corrections on the incident page: set a field by hand, merge another incident
// in, split reports off; each with a reason that goes into the history shown below them.
import type { SettableField } from '../../src/reconcile/decisions.js';
import { api, type IncidentDetail } from './api.js';
import { h } from './dom.js';

/** The fields an analyst may set, in the order the form offers them (the server checks each). */
const EDITABLE: SettableField[] = ['event_type', 'sub_event_type', 'event_date', 'actor1', 'actor2', 'location', 'admin1', 'country', 'fatalities', 'fatalities_low', 'fatalities_high', 'civilian_fatalities_low', 'civilian_fatalities_high', 'injured_low', 'injured_high', 'grade', 'grade_reason', 'notes'];

function currentValue(incident: IncidentDetail, field: SettableField): string {
  const value = (incident as unknown as Record<string, unknown>)[field];
  return value === null || value === undefined ? '' : String(value);
}

export function decisionForms(incident: IncidentDetail, done: (updated: IncidentDetail) => void): HTMLElement {
  const note = h('p', { class: 'error', role: 'alert' });
  const run = (work: () => Promise<IncidentDetail>) => {
    note.textContent = '';
    work().then(done, (error: unknown) => (note.textContent = error instanceof Error ? error.message : String(error)));
  };

  const field = h('select', { name: 'field', 'aria-label': 'field' }, ...EDITABLE.map((f) => h('option', { value: f }, f)));
  const value = h('input', { name: 'value', 'aria-label': 'new value', value: currentValue(incident, EDITABLE[0]!) });
  field.addEventListener('change', () => (value.value = currentValue(incident, field.value as SettableField)));
  const editReason = h('input', { name: 'reason', placeholder: 'why', 'aria-label': 'reason' });
  const edit = h('form', { class: 'decision', id: 'edit' }, h('strong', {}, 'Set a field'), field, value, editReason, h('button', { type: 'submit' }, 'Save'));
  edit.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => api.edit(incident.event_id, { [field.value]: value.value === '' ? null : value.value }, editReason.value));
  });

  const other = h('input', { name: 'other', placeholder: 'VIG-…', 'aria-label': 'incident to merge in', required: true });
  const mergeReason = h('input', { name: 'reason', placeholder: 'why', 'aria-label': 'reason' });
  const merge = h('form', { class: 'decision', id: 'merge' }, h('strong', {}, 'Merge in'), other, mergeReason, h('button', { type: 'submit' }, 'Merge'));
  merge.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => api.merge(incident.event_id, other.value.trim(), mergeReason.value));
  });

  const boxes = incident.reports.map((report) => h('input', { type: 'checkbox', value: report.id, 'aria-label': `split off ${report.title ?? report.short_id}` }));
  const splitReason = h('input', { name: 'reason', placeholder: 'why', 'aria-label': 'reason' });
  const split = h(
    'form',
    { class: 'decision', id: 'split' },
    h('strong', {}, 'Split off'),
    ...incident.reports.map((report, i) => h('label', { class: 'check' }, boxes[i]!, `${report.outlet ?? ''} ${report.title ?? report.short_id}`)),
    splitReason,
    h('button', { type: 'submit', disabled: incident.reports.length < 2 }, 'Split'),
  );
  split.addEventListener('submit', (event) => {
    event.preventDefault();
    run(() => api.split(incident.event_id, boxes.filter((b) => b.checked).map((b) => b.value), splitReason.value));
  });

  return h('section', { class: 'decisions' }, h('h3', {}, 'Corrections'), edit, merge, split, note);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value !== 'object') return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => typeof v !== 'object' || v === null)
    .map(([k, v]) => `${k}: ${v ?? '–'}`)
    .join(', ');
}

export function historyList(incident: IncidentDetail): HTMLElement {
  return h(
    'section',
    { class: 'history' },
    h('h3', {}, 'History'),
    incident.history.length === 0
      ? h('p', { class: 'muted' }, 'No decision yet.')
      : h(
          'ol',
          { id: 'history' },
          ...incident.history.map((entry) =>
            h('li', {}, h('strong', {}, `${entry.at.slice(0, 16).replace('T', ' ')} ${entry.actor} ${entry.action}`), entry.reason ? ` — “${entry.reason}”` : '', h('div', { class: 'muted' }, `${describe(entry.before)} → ${describe(entry.after)}`)),
          ),
        ),
  );
}
