// `npm run fuzz -- --count 10000` and `npm run chaos -- --kills 20`: the long runs behind the
// README's robustness table. CI runs short samples of both (test/fuzz.test.ts, test/ingest/resume.test.ts).
import { mkdirSync } from 'node:fs';
import { Command } from 'commander';
import { chaos } from './chaos.js';
import { fuzz } from './fuzz.js';

const program = new Command('vigil-fuzz').description('robustness runs of `vigil ingest` against hostile inputs and kill -9');

program
  .command('fuzz')
  .description('ingest batches of generated hostile files, each with valid reports, and count crashes, hangs, budgets, losses, memory')
  .option('--count <n>', 'hostile inputs in all', '1000')
  .option('--batch <n>', 'hostile inputs per ingest run', '100')
  .option('--valid <n>', 'valid reports per ingest run', '10')
  .option('--seed <n>', 'random seed (a run is reproducible from it)', '1')
  .option('--report-timeout <s>', 'time budget per report in the runs', '10')
  .option('--keep <dir>', 'where the inputs of a failing run are kept', 'fuzz-failures')
  .action(async (o: Record<string, string>) => {
    mkdirSync(o.keep!, { recursive: true });
    const stats = await fuzz({
      count: Number(o.count),
      batch: Number(o.batch),
      valid: Number(o.valid),
      seed: Number(o.seed),
      reportTimeout: Number(o.reportTimeout),
      keep: o.keep!,
      onBatch: (s) =>
        process.stderr.write(
          `fuzz: ${s.inputs} inputs, ${s.runs} runs, ${s.crashes} crashes, ${s.hangs} hangs, ${s.overBudget} over budget, ${s.refused} refused, valid ${s.validSent} sent ${s.validLost} lost ${s.validDuplicated} doubled, peak ${s.peakRssMb.toFixed(0)} MB, ${s.seconds.toFixed(0)} s\n`,
        ),
    });
    const rows: Array<[string, string]> = [
      ['hostile inputs tried', `${stats.inputs} (in ${stats.runs} ingest runs)`],
      ['crashes', String(stats.crashes)],
      ['hangs', String(stats.hangs)],
      ['items refused with a named reason', String(stats.refused)],
      ['items ended over their budget', `${stats.overBudget} (each ended by its budget's timer or heap limit)`],
      ['valid reports sent / lost / stored twice', `${stats.validSent} / ${stats.validLost} / ${stats.validDuplicated}`],
      ['peak resident memory of a run', `${stats.peakRssMb.toFixed(0)} MB`],
      ['time', `${stats.seconds.toFixed(0)} s`],
      ['inputs by kind', Object.entries(stats.byKind).map(([k, n]) => `${k} ${n}`).join(', ')],
    ];
    printTable(rows);
    for (const failure of stats.failures) process.stdout.write(`FAILED: ${failure}\n`);
    if (stats.failures.length > 0) process.exitCode = 1;
  });

program
  .command('chaos')
  .description('kill `vigil ingest` with SIGKILL at random points, resume, and compare with a clean run; then ingest beside a server')
  .option('--kills <n>', 'SIGKILLs at random points', '10')
  .option('--reports <n>', 'reports in the corpus', '60')
  .option('--seed <n>', 'random seed', '1')
  .action(async (o: Record<string, string>) => {
    const stats = await chaos({ kills: Number(o.kills), reports: Number(o.reports), seed: Number(o.seed), onKill: (n) => process.stderr.write(`chaos: ${n} kills\n`) });
    const rows: Array<[string, string]> = [
      ['kill -9 at random points, then resume', `${stats.kills} kills, ${stats.reports} reports: ${stats.lost} lost, ${stats.duplicated} duplicated; ledger ${stats.sameAsCleanRun ? 'equal to' : 'DIFFERENT from'} a clean run's`],
      ['3 `vigil ingest` at once beside `vigil serve`', `${stats.besideServer.reports} reports each: ${stats.besideServer.lost} lost, ${stats.besideServer.duplicated} duplicated; ledger ${stats.besideServer.readableAfter ? 'readable' : 'NOT readable'} after the server stops`],
      ['time', `${stats.seconds.toFixed(0)} s`],
    ];
    printTable(rows);
    if (stats.lost || stats.duplicated || !stats.sameAsCleanRun || stats.besideServer.lost || stats.besideServer.duplicated || !stats.besideServer.readableAfter) process.exitCode = 1;
  });

function printTable(rows: Array<[string, string]>): void {
  process.stdout.write(`| measure | result |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`);
}

await program.parseAsync(process.argv);
