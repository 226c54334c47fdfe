// The timeline: incidents (bars) and fatalities (line) per day, week or month, drawn as SVG.
// Dragging across it selects a span of dates (brushing), which filters the map and the list.
import type { ExportRecord } from './api.js';
import type { Interval } from './state.js';

const SVG = 'http://www.w3.org/2000/svg';
const HEIGHT = 120;
const MARGIN = { left: 36, right: 36, top: 10, bottom: 22 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The first day of the bucket a date falls in. */
export function bucketStart(date: string, interval: Interval): string {
  if (interval === 'day') return date;
  if (interval === 'month') return `${date.slice(0, 7)}-01`;
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The last day of the bucket that starts on `start`. */
export function bucketEnd(start: string, interval: Interval): string {
  const day = new Date(`${start}T00:00:00Z`);
  if (interval === 'week') day.setUTCDate(day.getUTCDate() + 6);
  if (interval === 'month') day.setUTCMonth(day.getUTCMonth() + 1, 0);
  return day.toISOString().slice(0, 10);
}

function nextBucket(start: string, interval: Interval): string {
  const day = new Date(`${bucketEnd(start, interval)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

interface Bucket {
  start: string;
  incidents: number;
  fatalities: number;
}

/** Every bucket from the first dated incident to the last, empty ones included (at most 2,000). */
export function buckets(records: ExportRecord[], interval: Interval): Bucket[] {
  const counts = new Map<string, Bucket>();
  for (const record of records) {
    if (!record.event_date) continue;
    const start = bucketStart(record.event_date, interval);
    const bucket = counts.get(start) ?? { start, incidents: 0, fatalities: 0 };
    bucket.incidents += 1;
    bucket.fatalities += record.fatalities ?? 0;
    counts.set(start, bucket);
  }
  const starts = [...counts.keys()].sort();
  if (starts.length === 0) return [];
  const all: Bucket[] = [];
  for (let start = starts[0]!; start <= starts.at(-1)! && all.length < 2000; start = nextBucket(start, interval)) all.push(counts.get(start) ?? { start, incidents: 0, fatalities: 0 });
  return all;
}

export function drawTimeline(container: HTMLElement, records: ExportRecord[], interval: Interval, selected: { from?: string; to?: string }, onBrush: (from: string, to: string) => void): void {
  const width = Math.max(280, container.clientWidth || 600);
  const data = buckets(records, interval);
  const root = svg('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: 'img', 'aria-label': `incidents and fatalities per ${interval}` });
  container.replaceChildren(root);
  if (data.length === 0) {
    root.appendChild(svg('text', { x: width / 2, y: HEIGHT / 2, 'text-anchor': 'middle', class: 'axis' }, 'no dated incidents'));
    return;
  }
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const step = plotWidth / data.length;
  const maxIncidents = Math.max(...data.map((b) => b.incidents));
  const maxFatalities = Math.max(1, ...data.map((b) => b.fatalities));
  const x = (i: number) => MARGIN.left + i * step;
  data.forEach((bucket, i) => {
    const barHeight = (bucket.incidents / maxIncidents) * plotHeight;
    const inSelection = (!selected.from || bucketEnd(bucket.start, interval) >= selected.from) && (!selected.to || bucket.start <= selected.to);
    const bar = svg('rect', { x: x(i) + step * 0.1, y: MARGIN.top + plotHeight - barHeight, width: Math.max(1, step * 0.8), height: barHeight, class: inSelection ? 'bar' : 'bar outside' });
    bar.appendChild(svg('title', {}, `${bucket.start}: ${bucket.incidents} incidents, ${bucket.fatalities} killed`));
    root.appendChild(bar);
  });
  const line = data.map((b, i) => `${i === 0 ? 'M' : 'L'}${(x(i) + step / 2).toFixed(1)},${(MARGIN.top + plotHeight - (b.fatalities / maxFatalities) * plotHeight).toFixed(1)}`).join(' ');
  root.appendChild(svg('path', { d: line, class: 'fatalities-line' }));
  root.appendChild(svg('text', { x: MARGIN.left, y: HEIGHT - 6, class: 'axis' }, data[0]!.start));
  root.appendChild(svg('text', { x: width - MARGIN.right, y: HEIGHT - 6, class: 'axis', 'text-anchor': 'end' }, bucketEnd(data.at(-1)!.start, interval)));
  root.appendChild(svg('text', { x: 4, y: MARGIN.top + 8, class: 'axis' }, `${maxIncidents}`));
  root.appendChild(svg('text', { x: width - 4, y: MARGIN.top + 8, class: 'axis fatalities-axis', 'text-anchor': 'end' }, `${maxFatalities}†`));

  // Brushing: drag to select buckets; a click on one bucket selects it alone.
  const brush = svg('rect', { x: 0, y: MARGIN.top, width: 0, height: plotHeight, class: 'brush' });
  root.appendChild(brush);
  const bucketAt = (event: PointerEvent) => {
    const box = root.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * width;
    return Math.max(0, Math.min(data.length - 1, Math.floor((px - MARGIN.left) / step)));
  };
  let anchor: number | null = null;
  root.addEventListener('pointerdown', (event) => {
    anchor = bucketAt(event);
    root.setPointerCapture(event.pointerId);
  });
  root.addEventListener('pointermove', (event) => {
    if (anchor === null) return;
    const [a, b] = [anchor, bucketAt(event)].sort((p, q) => p - q) as [number, number];
    brush.setAttribute('x', String(x(a)));
    brush.setAttribute('width', String(x(b + 1) - x(a)));
  });
  root.addEventListener('pointerup', (event) => {
    if (anchor === null) return;
    const [a, b] = [anchor, bucketAt(event)].sort((p, q) => p - q) as [number, number];
    anchor = null;
    onBrush(data[a]!.start, bucketEnd(data[b]!.start, interval));
  });
}
