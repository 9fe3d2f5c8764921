// The micro suite's recorder rows: what recording adds per request over undici and node:http.
import type { MicroError, RecorderCost } from './model.ts';
import { measureRecorderCost, type CostStack } from '../../record/cost.ts';
import { MICRO_DEFAULTS } from './options.ts';

const STACKS: readonly CostStack[] = ['undici', 'node:http'];

export async function measureRecorderCosts(baseUrl: string): Promise<{ results: RecorderCost[]; errors: MicroError[] }> {
  const results: RecorderCost[] = [];
  const errors: MicroError[] = [];
  const requests = MICRO_DEFAULTS.recorderCostRequests;
  for (const stack of STACKS) {
    try {
      const cost = await measureRecorderCost({ baseUrl, stack, requests, pairs: MICRO_DEFAULTS.recorderCostPairs });
      const miscounted = cost.pairs.filter((pair) => pair.recorded !== requests).length;
      if (miscounted > 0) errors.push({ kind: 'recorder', name: stack, error: `${miscounted} of ${cost.pairs.length} recorded loops did not record all ${requests} requests` });
      else results.push({ stack, requests, pairs: cost.pairs.length, medianOffMsPerRequest: cost.medianOffMsPerRequest, medianDeltaMsPerRequest: cost.medianDeltaMsPerRequest });
    } catch (error) {
      errors.push({ kind: 'recorder', name: stack, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { results, errors };
}
