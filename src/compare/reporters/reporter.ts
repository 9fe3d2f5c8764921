import type { RenderOptions } from '../../report/color.ts';
import type { Comparison } from '../model.ts';

/** Turns a comparison into text. It never measures, prints or writes. */
export interface ComparisonReporter {
  name: string;
  description: string;
  render(comparison: Comparison, options?: RenderOptions): string;
}

/** A format made of several files (written under --out), each rendered by a pure function. */
export interface ComparisonFileSet {
  name: string;
  description: string;
  files: Record<string, (comparison: Comparison) => string>;
}
