// One generated sentence summarising an incident, in the style of ACLED notes.
import type { Claim, Incident } from '../types.js';

export function describeIncident(incident: Incident): string {
  const when = incident.date ? `On ${formatDate(incident.date)}${incident.timePrecision > 1 ? ' (approximate)' : ''}` : 'On an unknown date';
  const by = incident.actor1 ? ` by ${incident.actor1}` : '';
  const where = incident.place ? ` in ${[incident.place.name, incident.place.admin1, incident.place.country].filter((p, i, all) => p && all.indexOf(p) === i).join(', ')}` : '';
  const against = incident.actor2 ? ` against ${incident.actor2}` : '';
  const figures = describeFigures(incident);
  return `${when}, ${incident.subEventType.toLowerCase()}${by}${against}${where}.${figures ? ` ${figures}` : ''}`;
}

function describeFigures(incident: Incident): string {
  const { low, best, high } = incident.fatalities;
  const parts: string[] = [];
  if (best !== null && (best > 0 || incident.claims.some(isKilled))) {
    parts.push(low !== high ? `Fatalities ${low}-${high} (best ${best})` : `Fatalities ${best}`);
  }
  if (incident.civilianFatalities.low !== null) parts.push(`civilians ${range(incident.civilianFatalities)}`);
  if (incident.injured.low !== null) parts.push(`injured ${range(incident.injured)}`);
  const denials = incident.claims.filter((c) => c.stance === 'denies' && c.actor);
  if (denials.length > 0) parts.push(`${denials.map((d) => d.actor).join(', ')} denied involvement`);
  return parts.length > 0 ? `${parts.join('; ')}.` : '';
}

const isKilled = (c: Claim) => c.measure === 'killed';

function range(r: { low: number | null; high: number | null }): string {
  return r.low === r.high || r.high === null ? String(r.low) : `${r.low}-${r.high}`;
}

function formatDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
