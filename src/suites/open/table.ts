// The open-loop section as a terminal table: one row per rate step, the knee marked.
import { terminalTable } from '../../report/terminal-table.ts';
import type { OpenSection } from './model.ts';
import { formatMs, formatRate } from '../../report/format.ts';
import { failedCount } from '../../model/records.ts';

export const OPEN_COLUMNS = [
  'rate/s',
  'scheduled',
  'dropped',
  'ok/failed',
  'achieved/s',
  'p50 intended',
  'p99 intended',
  'max intended',
  'p50 actual',
  'p99 actual',
  'lag p99',
  'loop delay p99',
  'no-op lag p99',
  'knee',
] as const;

const serverWhere = (section: OpenSection): string =>
  section.server === 'worker-thread' ? ', delay server on a worker thread' : section.server === 'in-process' ? ', delay server on the same event loop' : '';

const kneeSideText = (section: OpenSection): string =>
  section.kneedSide === 'scheduler'
    ? ' — the scheduler kneed (it fell behind against the no-op target too): the harness\'s limit, not the server\'s'
    : section.kneedSide === 'client-loop'
      ? " — the client's event loop kneed (the scheduler alone kept this rate, but requests waited to be sent): the harness's limit"
      : section.kneedSide === 'server'
        ? ' — the server side kneed (the scheduler kept this rate against the no-op target and start lag stayed a minor share)'
        : '';

/** --open-llm steps: TTFT and refusals beside the latency, after the "actual" columns. */
const LLM_AFTER = OPEN_COLUMNS.indexOf('p99 actual') + 1;
const withLlm = (section: OpenSection, cells: string[], extra: () => string[]): string[] =>
  section.llm ? [...cells.slice(0, LLM_AFTER), ...extra(), ...cells.slice(LLM_AFTER)] : cells;

export function renderOpenTable(section: OpenSection): string {
  const table = terminalTable(withLlm(section, [...OPEN_COLUMNS], () => ['TTFT p50', 'TTFT p99', '429', 'stream err']));
  const ms = (value: number | undefined): string => (value === undefined ? '–' : formatMs(value));
  for (const [i, step] of section.steps.entries()) {
    const confirmed = step.repeat && step.kneeReasons.length > 0 && section.steps[i - 1]?.kneeReasons.length !== 0;
    const failed = failedCount(step.byOutcome);
    table.push(withLlm(section, [
      formatRate(step.ratePerSec),
      String(step.scheduled),
      String(step.dropped),
      `${step.byOutcome.ok}/${failed}`,
      `${formatRate(step.achievedPerSec)}${step.scheduler?.fellBehind ? ' ‡' : ''}`,
      ms(step.fromIntendedMs?.p50),
      ms(step.fromIntendedMs?.p99),
      ms(step.fromIntendedMs?.max),
      ms(step.fromActualMs?.p50),
      ms(step.fromActualMs?.p99),
      ms(step.startLagMs?.p99),
      ms(step.eventLoopDelayP99Ms),
      step.scheduler ? `${ms(step.scheduler.startLagP99Ms)}${step.scheduler.fellBehind ? ' ‡' : ''}` : '–',
      confirmed ? 'KNEE' : step.kneeReasons.length > 0 ? 'crossed, repeating' : step.repeat ? 'repeat: no' : '',
    ], () => [ms(step.llm?.ttftMs?.p50), ms(step.llm?.ttftMs?.p99), String(step.llm?.rateLimited ?? '–'), String(step.llm?.streamErrors ?? '–')]));
  }
  const rule = section.kneeRule;
  const lines = [
    `Open loop (${section.arrivals} arrivals${section.burstiness === undefined ? '' : `, burstiness ${section.burstiness}`}, seed ${section.seed}, client ${section.client}, in-process${serverWhere(section)}) on ${section.endpoint}: ` +
      `steps of at most ${section.stepMaxS} s or ${section.stepMaxRequests} requests, at most ${section.maxInFlight} in flight; time scale ${section.timeScale}.`,
  ];
  if (section.llm) {
    lines.push(
      `Each arrival POSTs one streamed chat completion (model ${section.llm.model}, max_tokens ${section.llm.maxTokens}, one seeded body, include_usage): ` +
        'latencies are to the answer\'s last byte, TTFT from the send to the first content token, 429s and cut streams counted per step.',
    );
  }
  if (section.steps.length > 0) lines.push(table.toString());
  lines.push(
    `"intended" measures from when the schedule said to start (coordinated omission corrected), "actual" from when the request was sent; ` +
      `latencies are of responses (any status): timeouts and network errors count in ok/failed, not in the percentiles; ` +
      `a step crosses the knee rule when p99 intended > ${rule.p99Factor} × the lowest p99 of the steps before, or > ${rule.dropFraction * 100}% are dropped or > ${rule.failFraction * 100}% fail; it is then repeated once.`,
  );
  for (const step of section.steps) {
    if (step.kneeReasons.length > 0) lines.push(`${formatRate(step.ratePerSec)}/s${step.repeat ? ' (repeat)' : ''}: ${step.kneeReasons.join('; ')}`);
  }
  if (section.kneeRatePerSec !== null) lines.push(`KNEE at ${formatRate(section.kneeRatePerSec)}/s (the step and its repeat both crossed the rule)${kneeSideText(section)}`);
  if (section.steps.some((step) => step.scheduler)) {
    lines.push(
      `no-op lag p99: the same step against a no-op target just before it (the scheduler's own limit); ‡ where it fell behind (start lag p99 > 10 ms or drops): ` +
        (section.schedulerLimitPerSec == null ? 'the scheduler kept every rate.' : `the scheduler alone first fell behind at ${formatRate(section.schedulerLimitPerSec)}/s.`),
    );
  }
  if (section.generatorBound) lines.push(`‡ generator-bound: ${section.generatorBoundReason ?? ''}`);
  if (section.stopReason === 'max-rate') lines.push(`no knee up to ${formatRate(section.maxRatePerSec)}/s`);
  if (section.stopReason === 'aborted' || section.stopReason === null) lines.push('the sweep was interrupted');
  return `${lines.join('\n')}\n`;
}
