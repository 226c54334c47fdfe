// Progress on long work: a live line on a terminal, nothing otherwise (scripts read --json).
export class Progress {
  private done = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly live: boolean;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.live = Boolean(stream.isTTY);
  }

  tick(): void {
    this.done++;
    const now = Date.now();
    if (this.live && now - this.lastDraw > 100) {
      this.lastDraw = now;
      this.stream.write(`\r${this.line()}`);
    }
  }

  finish(): void {
    if (this.live && this.done > 0) this.stream.write(`\r${this.line()}\n`);
  }

  private line(): string {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = this.done / seconds;
    const of = this.total ? `/${this.total}` : '';
    const eta = this.total && rate > 0 ? `, ETA ${Math.ceil((this.total - this.done) / rate)}s` : '';
    return `${this.label}: ${this.done}${of} (${rate.toFixed(1)}/s${eta})   `;
  }
}
