// Open-loop sections from several runners on the same schedule: step by step, counts add, the
// achieved rates add (the runners ran at once), and the three latency histograms are added.
import type { OpenSection, OpenStep } from '../suites/open/model.ts';
import { addHistograms } from './histograms.ts';
import { requireSame, type Sourced } from './same.ts';

export function mergeOpenSections(sections: ReadonlyArray<Sourced<OpenSection>>): OpenSection {
  // Settings, the knee and the sequence of rates must agree; the measurements need not. The seed
  // may differ: runners drawing one Poisson schedule would fire in lockstep (the first one's is kept).
  requireSame(
    'the open-loop section',
    sections.map(({ source, value: { steps, baselineP99Ms: _baseline, seed: _seed, ...settings } }) => ({
      source,
      value: { ...settings, rates: steps.map((s) => `${s.ratePerSec}${s.repeat ? ' (repeat)' : ''}`) },
    })),
  );
  const first = sections[0]!.value;
  const steps = first.steps.map((_, index) => mergeSteps(sections.map((s) => s.value.steps[index]!)));
  const p99s = steps.flatMap((s) => (s.fromIntendedMs ? [s.fromIntendedMs.p99] : []));
  return { ...first, baselineP99Ms: p99s.length > 0 ? Math.min(...p99s) : null, steps };
}

function mergeSteps(steps: readonly OpenStep[]): OpenStep {
  const first = steps[0]!;
  const sum = (pick: (step: OpenStep) => number): number => steps.reduce((total, step) => total + pick(step), 0);
  const fromIntended = addHistograms(steps.map((s) => s.histograms.fromIntendedUs), 1000);
  const fromActual = addHistograms(steps.map((s) => s.histograms.fromActualUs), 1000);
  const startLag = addHistograms(steps.map((s) => s.histograms.startLagUs), 1000);
  return {
    ratePerSec: first.ratePerSec,
    repeat: first.repeat,
    scheduled: sum((s) => s.scheduled),
    started: sum((s) => s.started),
    dropped: sum((s) => s.dropped),
    byOutcome: {
      ok: sum((s) => s.byOutcome.ok),
      'http-error': sum((s) => s.byOutcome['http-error']),
      'network-error': sum((s) => s.byOutcome['network-error']),
      timeout: sum((s) => s.byOutcome.timeout),
    },
    wallMs: Math.max(...steps.map((s) => s.wallMs)),
    achievedPerSec: sum((s) => s.achievedPerSec),
    fromIntendedMs: fromIntended.summary,
    fromActualMs: fromActual.summary,
    startLagMs: startLag.summary,
    lateStarts: sum((s) => s.lateStarts),
    histograms: { fromIntendedUs: fromIntended.encoded, fromActualUs: fromActual.encoded, startLagUs: startLag.encoded },
    eventLoopDelayP99Ms: Math.max(...steps.map((s) => s.eventLoopDelayP99Ms)),
    kneeReasons: [...new Set(steps.flatMap((s) => s.kneeReasons))],
    ...mergeLlm(steps),
  };
}

/** --open-llm steps: counts added, TTFT histograms added exactly; absent unless every runner has them. */
function mergeLlm(steps: readonly OpenStep[]): Pick<OpenStep, 'llm'> {
  const llm = steps.flatMap((s) => (s.llm ? [s.llm] : []));
  if (llm.length === 0 || llm.length !== steps.length) return {};
  const sum = (pick: (l: (typeof llm)[number]) => number): number => llm.reduce((total, l) => total + pick(l), 0);
  const ttft = addHistograms(llm.map((l) => l.ttftUs), 1000);
  return {
    llm: {
      streamed: sum((l) => l.streamed),
      ttftMs: ttft.summary,
      rateLimited: sum((l) => l.rateLimited),
      overloaded: sum((l) => l.overloaded),
      streamErrors: sum((l) => l.streamErrors),
      outputTokens: sum((l) => l.outputTokens),
      ttftUs: ttft.encoded,
    },
  };
}
