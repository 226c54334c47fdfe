import type { Command } from 'commander';
import { ATTRIBUTION, geocode, indexHeader, type GeocodeResult } from '../../geocode/index.js';
import { printJson } from '../context.js';

export function registerGeocode(program: Command): void {
  program
    .command('geocode')
    .description('show how Vigil places a text: the mentions it finds, the candidates and the choice')
    .argument('<text>', 'a sentence or report, e.g. "Air strikes hit the outskirts of al-Raqqa"')
    .option('--json', 'print the full result as JSON')
    .addHelpText('after', gazetteerHelp)
    .action((text: string, options: { json?: boolean }) => {
      const result = geocode(text);
      if (options.json) printJson(result);
      else process.stdout.write(`${formatGeocode(result)}\n`);
    });
}

/** The result laid out for a person checking it by hand: mentions, candidates per mention, choice and why. */
export function formatGeocode(result: GeocodeResult): string {
  const coordinates = (lat: number | null, lon: number | null) => (lat === null || lon === null || Number.isNaN(lat) ? 'no coordinates' : `${lat.toFixed(4)}, ${lon.toFixed(4)}`);
  const lines = ['mentions:'];
  for (const m of result.mentions) lines.push(`  "${m.text}" [${m.start}-${m.end}] ${m.rule}${m.modifier ? ` (${m.modifier})` : ''}`);
  if (result.mentions.length === 0) lines.push('  none');
  lines.push('candidates (best first):');
  for (const mention of new Set(result.candidates.map((c) => c.mention))) {
    lines.push(`  "${mention}"`);
    for (const c of result.candidates.filter((candidate) => candidate.mention === mention)) {
      const where = [c.name, c.admin1, c.country].filter(Boolean).join(', ');
      lines.push(`    ${c.score.toFixed(2).padStart(6)}  ${where} (${coordinates(c.lat, c.lon)}; ${c.village ? 'village' : c.kind}, population ${c.population.toLocaleString('en-US')})`);
    }
  }
  if (result.candidates.length === 0) lines.push('  none');
  const p = result.place;
  lines.push(
    'choice:',
    p
      ? `  ${[p.name, p.admin1, p.country].filter(Boolean).join(', ')} (${coordinates(p.latitude, p.longitude)}), geo precision ${p.geoPrecision}${p.sites.length ? `, sites: ${p.sites.join(', ')}` : ''}`
      : '  no place',
    `  because: ${result.reason}`,
  );
  for (const e of result.evidence) lines.push(`  evidence: "${e.text}" [${e.start}-${e.end}] ${e.rule}${e.note ? `: ${e.note}` : ''}`);
  return lines.join('\n');
}

/** Examples, the gazetteer's sources and the attribution its licence asks for. */
function gazetteerHelp(): string {
  const examples = [
    '',
    'Examples:',
    '  $ vigil geocode "Clashes in Nyabiondo, Masisi territory, North Kivu"',
    '  $ vigil geocode "Clashes near Lwibo, Masisi territory"     # a village no gazetteer knows: Masisi, precision 2',
    '  $ vigil geocode --json "Air strikes hit the outskirts of al-Raqqa"',
  ];
  let sources: string[];
  try {
    const header = indexHeader();
    sources = [`Gazetteer: ${header.entries.toLocaleString('en-US')} entries, built from`, ...header.sources.map((s) => `  ${s.name}${s.version ? `@${s.version}` : ''}: ${s.data}`)];
  } catch (error) {
    sources = [`Gazetteer: ${(error as Error).message}`];
  }
  return [...examples, '', ...sources, '', ATTRIBUTION].join('\n');
}
