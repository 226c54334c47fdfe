// The CLI as a user runs it: the built bin, a fresh data directory, real files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, dropSchema, freshLocation } from './backends.js';
import { vigil } from './cli-run.js';

const seed = new URL('../samples/raqqa-airstrikes-2014-11-25.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(backends)('seed article through the CLI on %s', (backend) => {
  const location = freshLocation(backend);
  const env: NodeJS.ProcessEnv = backend === 'postgres' ? { VIGIL_DATABASE_URL: location.databaseUrl!, VIGIL_DATABASE_SCHEMA: location.schema! } : {};
  const data = ['--data', join(dir, `seed-${backend}`)];
  afterAll(() => dropSchema(location));

  it('ingests the seed article and exports the expected incident', async () => {
    const ingest = await vigil(['ingest', seed, '--published', '2014-11-26', '--json', ...data], env);
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout)).toMatchObject({ reportsRead: 1, reportsStored: 1, incidentsCreated: 1, errors: [] });

    const exported = await vigil(['export', '--format', 'json', ...data], env);
    expect(exported.code, exported.stderr).toBe(0);
    const incidents = JSON.parse(exported.stdout);
    expect(incidents).toHaveLength(1);
    const [i] = incidents;
    expect(i).toMatchObject({
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      event_date: '2014-11-25',
      time_precision: 1,
      country: 'Syria',
      geo_precision: 1,
      actor1: 'Military Forces of Syria',
      fatalities: 63,
      fatalities_low: 63,
      fatalities_high: 70,
      civilian_fatalities_low: 36,
      injured_low: 12,
    });
    expect(i.location).toMatch(/raqq/i);
    expect(i.latitude).toBeCloseTo(35.95, 1);
    expect(i.longitude).toBeCloseTo(39.01, 1);
    const claims = i.claims as Array<Record<string, unknown>>;
    expect(claims.some((c) => c.measure === 'killed' && c.low === 70 && /Islamic State fighter/.test(String(c.speaker)))).toBe(true);
    expect(claims.some((c) => c.stance === 'denies' && c.actor === 'the coalition' && c.outlet === 'Reuters')).toBe(true);
    expect(claims.some((c) => /GlobalData|Company Profiles/.test(String(c.text)))).toBe(false);
  });

  it('skips the same report the second time', async () => {
    const again = await vigil(['ingest', seed, '--published', '2014-11-26', '--json', ...data], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ reportsStored: 0, duplicates: 1, incidentsCreated: 0 });
  });

  it('shows an incident with its claims and their sentences', async () => {
    const list = JSON.parse((await vigil(['incidents', '--json', ...data], env)).stdout);
    const shown = await vigil(['show', list[0].event_id, ...data], env);
    expect(shown.stdout).toContain('sentence: "An Islamic State fighter also confirmed');
    expect(shown.stdout).toContain('PassiveCasualtyRule');
  });
});

describe('an article with a running tally, through the CLI', () => {
  const data = ['--data', join(dir, 'tallies')];

  it('shows the main event first, keeps the tally apart from its toll, and exports it with --tallies', async () => {
    const article = join(dir, 'bulletin.txt');
    writeFileSync(
      article,
      [
        'Gunmen kill a shepherd in the eastern desert',
        'Monitors have documented the death of a shepherd, shot by gunmen in the eastern desert near Palmyra.',
        'The monitor has documented 110 attacks in the desert since early 2022. According to its statistics, these attacks left 87 persons dead.',
        'On June 17, gunmen killed two shepherds near Al-Sukhnah.',
      ].join('\n'),
    );
    expect((await vigil(['ingest', article, '--published', '2022-08-04', ...data])).code).toBe(0);
    const list = JSON.parse((await vigil(['incidents', '--json', ...data])).stdout) as Array<{ event_id: string; role: string; fatalities: number }>;
    const main = list.find((i) => i.role === 'main');
    expect(main?.fatalities).toBe(1);
    expect(list.find((i) => i.role === 'background')?.fatalities).toBe(2);
    const shown = await vigil(['show', main!.event_id, ...data]);
    expect(shown.stdout).toContain('main event of the report');
    expect(shown.stdout).toMatch(/running tallies in this report[^\n]*\n\s+87 killed \(all\) since early 2022/);
    const tallies = JSON.parse((await vigil(['export', '--tallies', ...data])).stdout);
    expect(tallies).toMatchObject([{ low: 87, period: 'since early 2022', published: '2022-08-04' }]);
    const refused = await vigil(['export', '--tallies', '--format', 'geojson', ...data]);
    expect(refused.code).toBe(1);
  }, 180_000);
});

describe('bad input', () => {
  const data = ['--data', join(dir, 'bad')];

  it('names each bad item, ingests the rest and exits 1', async () => {
    const files = join(dir, 'inputs');
    rmSync(files, { recursive: true, force: true });
    const write = (name: string, content: string | Buffer) => writeFileSync(join(dir, name), content);
    write('binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    write('empty.txt', '');
    write('reports.jsonl', '{"text": "Gunmen killed 3 villagers in Kaduna on 2 May 2020.", "published": "2020-05-03"}\n{not json}\n{"title": "no text"}\n');
    const result = await vigil(['ingest', join(dir, 'binary.txt'), join(dir, 'empty.txt'), join(dir, 'missing.txt'), join(dir, 'reports.jsonl'), '--json', ...data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/binary\.txt: binary file/);
    expect(result.stderr).toMatch(/empty\.txt: empty file/);
    expect(result.stderr).toMatch(/missing\.txt: cannot read: ENOENT/);
    expect(result.stderr).toMatch(/reports\.jsonl:2: malformed JSON/);
    expect(result.stderr).toMatch(/reports\.jsonl:3: .*"text" or "html"/);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ reportsRead: 1, reportsStored: 1, incidentsCreated: 1 });
    expect(summary.errors).toHaveLength(5);
  });

  it('says so when no publication date is known', async () => {
    const result = await vigil(['ingest', seed, ...data]);
    expect(result.stdout).toMatch(/no publication date/);
    const list = JSON.parse((await vigil(['incidents', '--json', '--q', 'Raqqah', ...data])).stdout);
    expect(list[0].event_date).toBeNull();
  });

  it('rejects a malformed --published with a clear message', async () => {
    const result = await vigil(['ingest', seed, '--published', '26/11/2014', ...data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--published must be a date YYYY-MM-DD/);
  });

  it('reports an unknown incident id', async () => {
    const result = await vigil(['show', 'VIG-nope', ...data]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no incident with id VIG-nope/);
  });
});
