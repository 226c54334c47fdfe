// Human decisions from the command line: merge, split, move, set, and the history that records them.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { DecisionError, incidentHistory, mergeIncidents, moveReport, SETTABLE_FIELD_NAMES, setIncidentField, splitIncident, type Decider } from '../../reconcile/decisions.js';
import type { AuditEntry, Store } from '../../store/index.js';
import type { Incident } from '../../types.js';
import { DATA_OPTION_HELP, printJson, UserError, withStore } from '../context.js';

interface DecisionOptions {
  reason?: string;
  actor?: string;
  json?: boolean;
  data?: string;
}

export function registerDecisions(program: Command): void {
  decision(program.command('merge').description('merge incident B into incident A: one incident with every report and claim of both (B is gone)'))
    .argument('<A>', 'the incident that stays')
    .argument('<B>', 'the incident merged into it')
    .action(async (keep: string, other: string, options: DecisionOptions) => {
      await decide(options, async (store, who) => show(options, [await mergeIncidents(store, keep, other, who)]));
    });

  decision(program.command('split').description('split reports off an incident into a new one'))
    .argument('<incident>', 'the incident to split')
    .argument('<reports...>', 'ids (or unambiguous prefixes, as `vigil show` prints them) of the reports that leave')
    .action(async (incident: string, reports: string[], options: DecisionOptions) => {
      await decide(options, async (store, who) => show(options, await splitIncident(store, incident, reports, who)));
    });

  decision(program.command('move').description('move a report (its claims and evidence) into another incident'))
    .argument('<report>', 'report id or an unambiguous prefix')
    .argument('<incident>', 'the incident it joins')
    .option('--from <incident>', 'the incident it leaves, when it tells several')
    .action(async (report: string, incident: string, options: DecisionOptions & { from?: string }) => {
      await decide(options, async (store, who) => show(options, [await moveReport(store, report, incident, { ...who, from: options.from })]));
    });

  decision(program.command('set').description(`set a field of an incident by hand; it keeps the value whatever reports join later (fields: ${SETTABLE_FIELD_NAMES.join(', ')})`))
    .argument('<incident>', 'incident id')
    .argument('<field>', 'field name, as in the export record')
    .argument('<value>', 'the value; "-" clears it')
    .action(async (incident: string, field: string, value: string, options: DecisionOptions) => {
      await decide(options, async (store, who) => show(options, [await setIncidentField(store, incident, field, value === '-' ? null : value, who)]));
    });

  program
    .command('history')
    .description("an incident's audit log: every human decision about it, with who, when, why, before and after")
    .argument('<incident>', 'incident id (also one merged away)')
    .option('--json', 'print the log entries as JSON')
    .option('--data <dir>', DATA_OPTION_HELP)
    .action(async (incident: string, options: { json?: boolean; data?: string }) => {
      await withStore(options, async (store) => {
        const entries = await incidentHistory(store, incident);
        if (options.json) printJson(entries);
        else process.stdout.write(entries.length === 0 ? `no decisions recorded for ${incident}\n` : entries.map(describeEntry).join(''));
      });
    });
}

function decision(command: Command): Command {
  return command
    .option('--reason <text>', 'why: kept in the audit log')
    .option('--actor <name>', 'who decides (default: the user running the command)')
    .option('--json', 'print the resulting incidents as JSON')
    .option('--data <dir>', DATA_OPTION_HELP);
}

async function decide(options: DecisionOptions, work: (store: Store, who: Decider) => Promise<void>): Promise<void> {
  const who: Decider = { actor: options.actor ?? userInfo().username, reason: options.reason ?? null };
  await withStore(options, async (store) => {
    try {
      await work(store, who);
    } catch (error) {
      if (error instanceof DecisionError) throw new UserError(error.message);
      throw error;
    }
  });
}

function show(options: DecisionOptions, incidents: Incident[]): void {
  if (options.json) return printJson(incidents.map((i) => ({ id: i.id, reportIds: i.reportIds, fatalities: i.fatalities, sourcesCount: i.sourcesCount, notes: i.notes })));
  for (const i of incidents) process.stdout.write(`${i.id}  ${i.reportIds.length} report(s)  ${i.notes}\n`);
}

function describeEntry(entry: AuditEntry): string {
  const head = `${entry.at}  ${entry.action}${entry.reportId ? ` report ${entry.reportId.slice(0, 12)}` : ''} by ${entry.actor}${entry.reason ? `: ${entry.reason}` : ''}`;
  return `${head}\n  before: ${JSON.stringify(entry.before)}\n  after:  ${JSON.stringify(entry.after)}\n`;
}
