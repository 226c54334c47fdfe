// The load generator of `vigil bench --api`, run as its own process so that it does not share
// the server's event loop: `clients` loops, each asking for a first page of a kind drawn from
// src/bench/api-mix.ts and, by chance, its next pages, until time is up; then the latencies
// (ms) per kind go back to the parent over IPC. No client waits between requests.
import { NEXT_PAGE, NEXT_PAGE_CHANCE, REQUEST_KINDS } from './api-mix.js';
import { seededRandom } from './corpus.js';
import type { SeededShape } from './seed.js';

const [url, token, clientsText, secondsText, shapeText = '{}'] = process.argv.slice(2);
const shape = JSON.parse(shapeText) as SeededShape;
const kinds = Object.entries(REQUEST_KINDS);
const deadline = performance.now() + Number(secondsText) * 1000;
const latencies = new Map<string, number[]>([...kinds.map(([name]): [string, number[]] => [name, []]), [NEXT_PAGE, []]]);

/** Sends one request; answers its next cursor. */
async function send(kind: string, parameters: Record<string, string>): Promise<string | null> {
  const started = performance.now();
  const response = await fetch(`${url}/api/incidents?${new URLSearchParams({ ...parameters, limit: '100' })}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { next_cursor?: string | null; error?: string };
  if (!response.ok) throw new Error(`${new URLSearchParams(parameters)} answered ${response.status}: ${body.error}`);
  latencies.get(kind)!.push(performance.now() - started);
  return body.next_cursor ?? null;
}

async function client(index: number): Promise<void> {
  const random = seededRandom(1000 + index);
  while (performance.now() < deadline) {
    const [kind, draw] = kinds[Math.floor(random() * kinds.length)]!;
    const parameters = draw(random, shape);
    let cursor = await send(kind, parameters);
    while (cursor && random() < NEXT_PAGE_CHANCE && performance.now() < deadline) cursor = await send(NEXT_PAGE, { ...parameters, cursor });
  }
}

await Promise.all(Array.from({ length: Number(clientsText) }, (_, i) => client(i)));
process.send!([...latencies].map(([request, values]) => ({ request, latencies: values })));
process.disconnect();
