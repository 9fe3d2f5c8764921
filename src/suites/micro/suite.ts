// The micro suite: tinybench over client stacks and over each strategy's scheduling cost.
import { positiveNumber } from '../../cli/flags.ts';
import type { Suite } from '../suite.ts';
import { MicroSectionSchema, type MicroSection } from './model.ts';
import { MICRO_DEFAULTS } from './options.ts';
import { microMetrics } from './metrics.ts';
import { microTable } from './table.ts';

export interface MicroOptions {
  /** tinybench time budget per task. */
  timeMs: number;
  /** The default run's short pass: scheduler tiers up to 10,000 tasks and a 1 s bound per run. */
  quick: boolean;
}

export const microSuite = {
  name: 'micro',
  description: 'tinybench: client stacks on /get, and each strategy’s and limiter library’s scheduling cost per task',
  section: MicroSectionSchema,
  flags: { 'micro-time-ms': { type: 'string' } },
  help: `  --micro-time-ms N      micro suite: tinybench time per task (default: ${MICRO_DEFAULTS.timeMs};
                         ${MICRO_DEFAULTS.quickTimeMs} in the default run)
`,
  defaults: (quick) => ({ timeMs: quick ? MICRO_DEFAULTS.quickTimeMs : MICRO_DEFAULTS.timeMs, quick }),
  parseOptions(values, quick) {
    const raw = values['micro-time-ms'];
    return typeof raw === 'string' ? { timeMs: positiveNumber('micro-time-ms', raw), quick } : this.defaults(quick);
  },
  async run(ctx) {
    const [{ measureClientStacks }, { measureSchedulers }] = await Promise.all([import('./clients.ts'), import('./schedulers.ts')]);
    const { timeMs } = ctx.options;
    const signal = ctx.common.signal;
    ctx.progress('client stacks on /get…');
    const stacks = await measureClientStacks({ baseUrl: ctx.baseUrl, timeMs, timeoutMs: ctx.common.timeoutMs, ...(signal ? { signal } : {}) });
    const section: MicroSection = { timeBudgetMs: timeMs, noisyRmePct: MICRO_DEFAULTS.noisyRmePct, clients: stacks.results, schedulers: [], errors: [...stacks.errors] };
    ctx.setSection(section);
    await ctx.save();
    if (signal?.aborted) return;
    ctx.progress('scheduler overhead, zero-delay tasks…');
    const quick = ctx.options.quick ? { tasks: MICRO_DEFAULTS.quickSchedulerTasks, maxRunMs: MICRO_DEFAULTS.quickSchedulerMaxRunMs } : {};
    const schedulers = await measureSchedulers({ timeMs, ...quick, ...(signal ? { signal } : {}) });
    section.schedulers = schedulers.results;
    if (schedulers.skipped.length > 0) section.skippedSchedulers = schedulers.skipped;
    section.errors.push(...schedulers.errors);
    await ctx.save();
    if (signal?.aborted) return;
    ctx.progress('request recorder cost, off vs on…');
    // Loaded here, not with every command the CLI runs.
    const { measureRecorderCosts } = await import('./recorder-cost.ts');
    const recorder = await measureRecorderCosts(ctx.baseUrl);
    section.recorderCost = recorder.results;
    section.errors.push(...recorder.errors);
    await ctx.save();
    if (signal?.aborted) return;
    ctx.progress('recording path, synthetic responses…');
    const { measureRecording } = await import('./recording.ts');
    const recording = await measureRecording({ timeMs, ...(signal ? { signal } : {}) });
    section.recording = recording.results;
    section.errors.push(...recording.errors);
    ctx.setSection(section);
  },
  render: ({ section }) => (section ? microTable(section) : ''),
  failures: ({ section }) => (section?.errors ?? []).map((error) => `micro ${error.kind} ${error.name}: ${error.error}`),
  metrics: ({ section }) => microMetrics(section),
} satisfies Suite<typeof MicroSectionSchema, MicroOptions>;
