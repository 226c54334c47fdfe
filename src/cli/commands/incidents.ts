import type { Command } from 'commander';
import { loadReports, toExportRecord } from '../../export/index.js';
import type { IncidentPageQuery } from '../../store/index.js';
import type { Claim, Incident, Report, Tally } from '../../types.js';
import { DATA_OPTION_HELP, printJson, UserError, withStore } from '../context.js';

interface ListOptions {
  json?: boolean;
  q?: string;
  country?: string;
  from?: string;
  to?: string;
  limit?: string;
  data?: string;
}

export function registerIncidents(program: Command): void {
  program
    .command('incidents')
    .description('list stored incidents, newest first')
    .option('--q <text>', 'only incidents whose place, actors, type or notes contain this text')
    .option('--country <name>', 'only incidents in this country')
    .option('--from <YYYY-MM-DD>', 'only incidents on or after this date')
    .option('--to <YYYY-MM-DD>', 'only incidents on or before this date')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print export records (the `vigil export --format json` shape)')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (options: ListOptions) => {
      await withStore(options, async (store) => {
        const incidents = await store.listIncidents(filterFrom(options));
        if (options.json) {
          const reports = await loadReports(store, incidents);
          printJson(incidents.map((i) => toExportRecord(i, reports)));
        }
        else printTable(incidents, Boolean(options.q || options.country || options.from || options.to));
      });
    });

  program
    .command('show')
    .description('one incident: its fields with their evidence, and every claim with the sentence it came from')
    .argument('<id>', 'incident id, e.g. VIG-1a2b3c4d5e6f')
    .option('--json', 'print the export record with its evidence')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (id: string, options: { json?: boolean; data?: string }) => {
      await withStore(options, async (store) => {
        const incident = await store.getIncident(id);
        if (!incident) throw new UserError(`no incident with id ${id} (list them with: vigil incidents)`);
        const reports = await loadReports(store, [incident]);
        if (options.json) printJson({ ...toExportRecord(incident, reports), evidence: incident.evidence });
        else process.stdout.write(describe(incident, reports));
      });
    });
}

export function filterFrom(options: ListOptions): IncidentPageQuery {
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UserError(`--limit must be a positive whole number, got "${options.limit}"`);
  for (const [name, value] of [['--from', options.from], ['--to', options.to]] as const) {
    if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UserError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return { q: options.q, country: options.country, from: options.from, to: options.to, limit };
}

function printTable(incidents: Incident[], filtered: boolean): void {
  if (incidents.length === 0) {
    process.stdout.write(filtered ? 'no incidents match these filters\n' : 'no incidents stored yet (add some with: vigil ingest FILE)\n');
    return;
  }
  const rows = incidents.map((i) => [
    i.id,
    i.date ?? 'unknown',
    i.subEventType,
    i.place ? `${i.place.name}, ${i.place.country ?? '?'}` : 'unknown place',
    i.fatalities.low === i.fatalities.high ? String(i.fatalities.best ?? '') : `${i.fatalities.low}-${i.fatalities.high} (${i.fatalities.best})`,
    String(i.sourcesCount),
  ]);
  const header = ['ID', 'DATE', 'TYPE', 'PLACE', 'FATALITIES', 'SOURCES'];
  const widths = header.map((h, c) => Math.min(40, Math.max(h.length, ...rows.map((r) => r[c]!.length))));
  const line = (cells: string[]) => cells.map((cell, c) => clip(cell, widths[c]!).padEnd(widths[c]!)).join('  ').trimEnd();
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
}

function clip(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function describe(incident: Incident, reports: Map<string, Report>): string {
  const ev = (field: string) =>
    (incident.evidence[field] ?? []).map((e) => `      evidence: "${e.text}" [${e.start}-${e.end}] (${e.rule}${e.note ? `: ${e.note}` : ''})`).join('\n');
  const field = (label: string, value: string, evidenceField?: string) => {
    const evidence = evidenceField ? ev(evidenceField) : '';
    return `  ${label.padEnd(12)} ${value}${evidence ? `\n${evidence}` : ''}`;
  };
  const p = incident.place;
  const f = incident.fatalities;
  const lines = [
    `${incident.id}  ${incident.notes}`,
    field('role', ROLE_LABELS[incident.role]),
    field('type', `${incident.eventType} / ${incident.subEventType}`, 'event_type'),
    field('date', `${incident.date ?? 'unknown'} (time precision ${incident.timePrecision})`, 'date'),
    field('place', p ? `${p.name}, ${p.admin1 ?? '?'}, ${p.country ?? '?'} (${p.latitude ?? '?'}, ${p.longitude ?? '?'}; geo precision ${p.geoPrecision})${p.sites.length ? `; sites: ${p.sites.join(', ')}` : ''}` : 'unknown', 'location'),
    field('actor1', incident.actor1 ?? '-', 'actor1'),
    field('actor2', incident.actor2 ?? '-', 'actor2'),
    field('fatalities', `low ${f.low ?? '-'} / best ${f.best ?? '-'} / high ${f.high ?? '-'}`),
    field('civilians', `low ${incident.civilianFatalities.low ?? '-'} / high ${incident.civilianFatalities.high ?? '-'}`),
    field('injured', `low ${incident.injured.low ?? '-'} / high ${incident.injured.high ?? '-'}`),
    field('sources', `${incident.sourcesCount} independent`),
    field('grade', incident.grade ? `${incident.grade}: ${incident.gradeReason ?? ''}` : '-'),
    ...incident.attribution.map((a) => field('attribution', `${a.actor}: ${(['allege', 'confirm', 'deny'] as const).filter((k) => a[k].length > 0).map((k) => `${k} ${a[k].join(', ')}`).join('; ')}`)),
    ...incident.flags.map((f) => field('flag', `${f.kind}: ${f.detail}`)),
    '',
    `claims (${incident.claims.length}):`,
    ...incident.claims.map((c, i) => describeClaim(c, i)),
    '',
    'reports:',
    ...incident.reportIds.flatMap((id) => {
      const r = reports.get(id);
      const tallies = r?.tallies ?? [];
      return [
        `  ${id.slice(0, 12)}  ${r?.title ?? '(untitled)'}  ${r?.url ?? ''}  published ${r?.published ?? 'unknown'}`,
        ...(tallies.length ? [`    running tallies in this report (counts over a period, not this incident's toll):`, ...tallies.map(describeTally)] : []),
      ];
    }),
  ];
  return `${lines.join('\n')}\n`;
}

const ROLE_LABELS: Record<Incident['role'], string> = {
  main: 'main event of the report that told it',
  further: 'a further event in the report that told it',
  background: 'background: an earlier event the report told for context',
};

function describeTally(t: Tally): string {
  const figure = t.qualifier === 'range' ? `${t.low}-${t.high}` : `${t.qualifier === 'exact' ? '' : `${t.qualifier.replace('_', ' ')} `}${t.vagueWord ?? t.low}`;
  const who = [t.speaker, t.outlet && `via ${t.outlet}`].filter(Boolean).join(' ') || 'unattributed';
  return `      ${figure} ${t.measure} (${t.victims})${t.period ? ` ${t.period}` : ''}${t.scope ? ` ${t.scope}` : ''}, says ${who}: "${t.evidence.text}" (${t.evidence.rule})`;
}

function describeClaim(c: Claim, index: number): string {
  const figure = c.low === null ? '' : c.qualifier === 'range' ? `${c.low}-${c.high}` : `${c.qualifier.replace('_', ' ')} ${c.vagueWord ?? c.low}`;
  const what = c.measure === 'involvement' ? `${c.stance === 'denies' ? 'denies' : 'asserts'} involvement of ${c.actor}` : `${c.stance === 'denies' ? 'denies ' : ''}${figure} ${c.measure} (${c.victims})`;
  const who = [c.speaker, c.outlet && `via ${c.outlet}`].filter(Boolean).join(' ') || 'unattributed';
  return [
    `  ${index + 1}. ${what}, says ${who}`,
    `     phrase: "${c.evidence.text}" [${c.evidence.start}-${c.evidence.end}] (${c.evidence.rule}; source by ${c.sentence.rule})`,
    `     sentence: "${c.sentence.text}"`,
    ...(c.hedges.length ? [`     hedges: ${c.hedges.map((h) => `"${h}"`).join(', ')}`] : []),
  ].join('\n');
}
