// Progress on long work: a live line on a terminal (a bar, rate and ETA when the total is known);
// elsewhere nothing, or with `plainEvery` a plain line every so often (logs of long batch runs).
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly live: boolean;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly plainEvery?: number,
  ) {
    this.live = Boolean(stream.isTTY);
  }

  tick(): void {
    this.done++;
    const now = Date.now();
    if (this.live && now - this.lastDraw > 100) {
      this.lastDraw = now;
      this.stream.write(`\r${this.line()}`);
    } else if (!this.live && this.plainEvery !== undefined && now - this.lastDraw > this.plainEvery) {
      if (this.lastDraw > 0) this.stream.write(`${this.line().trimEnd()}\n`);
      this.lastDraw = now;
    }
  }

  finish(): void {
    if (this.live && this.done > 0) this.stream.write(`\r${this.line()}\n`);
  }

  private line(): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const of = this.total ? `/${this.total}` : '';
    const eta = this.total && rate > 0 ? `, ETA ${Math.ceil(Math.max(this.total - this.done, 0) / rate)}s` : '';
    return `${this.label}: ${this.bar()}${this.done}${of} (${rate.toFixed(1)}/s${eta})   `;
  }

  private bar(): string {
    if (!this.live || !this.total) return '';
    const filled = Math.min(20, Math.round((20 * this.done) / this.total));
    return `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] `;
  }
}
