// The suite registry: adding a suite is one folder plus one line here. Each entry carries its section
// schema, options, flags, help, table, failure rule and metrics (suite.ts); its engine loads when it runs.
import { loadSuite } from './load/suite.ts';
import { microSuite } from './micro/suite.ts';
import { openSuite } from './open/suite.ts';
import { scaleSuite } from './scale/suite.ts';
import { strategySuite } from './strategies/suite.ts';
import type { AnySuite } from './suite.ts';

export const suites = {
  strategies: strategySuite,
  load: loadSuite,
  open: openSuite,
  micro: microSuite,
  scale: scaleSuite,
} as const satisfies Record<string, AnySuite>;

export type SuiteRegistry = typeof suites;
export type SuiteName = keyof SuiteRegistry;
export const SUITE_NAMES = Object.keys(suites) as SuiteName[];
/** What `npm run bench` runs when no --suite is given. */
export const DEFAULT_SUITES: SuiteName[] = ['strategies', 'load', 'micro'];
/** Each suite's own options, by suite name. */
export type SuiteOptions = { [K in SuiteName]: ReturnType<SuiteRegistry[K]['defaults']> };
export type { AnySuite, CommonOptions, Suite, SuiteContext, SuiteView } from './suite.ts';
