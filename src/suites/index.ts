// The suite registry: adding a suite is one file plus one line here (and its section in the model).
import { loadSuite } from './load/suite.ts';
import { openSuite } from './open/suite.ts';
import { microSuite } from './micro/suite.ts';
import { scaleSuite } from './scale/suite.ts';
import { strategySuite } from './strategies/suite.ts';
import type { Suite } from './suite.ts';

export const suites = {
  strategies: strategySuite,
  load: loadSuite,
  open: openSuite,
  micro: microSuite,
  scale: scaleSuite,
} as const satisfies Record<string, Suite>;

export type SuiteName = keyof typeof suites;
export const SUITE_NAMES = Object.keys(suites) as SuiteName[];
/** What `npm run bench` runs when no --suite is given. */
export const DEFAULT_SUITES: SuiteName[] = ['strategies', 'load', 'micro'];
export type { Suite, SuiteContext } from './suite.ts';
