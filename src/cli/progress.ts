// A one-line progress display on a TTY; the run reports events, this only draws them.
import type { StrategyProgress } from '../suites/strategies/index.ts';
import { formatMs } from '../report/format.ts';

export interface ProgressLine {
  update(event: StrategyProgress): void;
  clear(): void;
}

export function progressLine(stream: NodeJS.WriteStream): ProgressLine {
  let shown = false;
  const draw = (text: string): void => {
    stream.write(`\r\x1b[2K${text.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
    shown = true;
  };
  return {
    update(event) {
      const head = `[${event.row + 1}/${event.rows}] ${event.label}`;
      if (event.kind === 'row-start') draw(`${head}  starting…`);
      else draw(`${head}  run ${event.run}/${event.runsPerRow}  last ${formatMs(event.wallMs)}`);
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export const wantsProgress = (stream: NodeJS.WriteStream, quiet: boolean): boolean => Boolean(stream.isTTY) && !quiet && !process.env.CI;
