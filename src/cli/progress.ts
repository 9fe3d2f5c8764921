// A one-line progress display on a TTY; the run reports lines of text, this only draws them.
export interface ProgressLine {
  update(text: string): void;
  clear(): void;
}

export function progressLine(stream: NodeJS.WriteStream): ProgressLine {
  let shown = false;
  return {
    update(text) {
      stream.write(`\r\x1b[2K${text.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}

export const wantsProgress = (stream: NodeJS.WriteStream, quiet: boolean): boolean => Boolean(stream.isTTY) && !quiet && !process.env.CI;
