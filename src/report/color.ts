// Terminal colour for reporters that print to a terminal: the CLI decides whether (a TTY, no
// NO_COLOR) and passes it in, so a reporter stays a pure function of its input and options.

export interface RenderOptions {
  /** ANSI colour for failures and verdicts; off unless the CLI turns it on. */
  color?: boolean;
}

export interface Paint {
  /** Failures, errors, regressions. */
  bad(text: string): string;
  /** Improvements. */
  good(text: string): string;
}

const sgr = (open: number, text: string): string => `\u001b[${open}m${text}\u001b[39m`;

const ANSI: Paint = { bad: (text) => sgr(31, text), good: (text) => sgr(32, text) };
const PLAIN: Paint = { bad: (text) => text, good: (text) => text };

export const paint = (options: RenderOptions | undefined): Paint => (options?.color ? ANSI : PLAIN);
