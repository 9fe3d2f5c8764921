// The libraries real code uses to bound a fan-out, scheduling the same zero-delay tasks as our
// strategies, so the micro suite's scheduler table shows their cost per task beside ours. Each is
// called the way its README shows, with k as its concurrency limit.
import { mapLimit } from 'async';
import Bottleneck from 'bottleneck';
import pLimit from 'p-limit';
import pMap from 'p-map';
import PQueue from 'p-queue';
import { indices, type Strategy } from '../../strategies/strategy.ts';

/** What the scheduler table measures: scheduling only, no makespan maths. */
export type Scheduler = Pick<Strategy, 'name' | 'description' | 'takesConcurrency' | 'retries' | 'run'>;

const pLimitScheduler = {
  name: 'p-limit',
  description: 'p-limit: pLimit(k) around each call, Promise.all over them',
  takesConcurrency: true,
  run(count, attempt, k) {
    const limit = pLimit(k);
    return Promise.all(indices(count).map((i) => limit(() => attempt(i))));
  },
} satisfies Scheduler;

const pMapScheduler = {
  name: 'p-map',
  description: 'p-map: pMap(indices, attempt, { concurrency: k })',
  takesConcurrency: true,
  run: (count, attempt, k) => pMap(indices(count), (i) => attempt(i), { concurrency: k }),
} satisfies Scheduler;

const pQueueScheduler = {
  name: 'p-queue',
  description: 'p-queue: new PQueue({ concurrency: k }), queue.add per call',
  takesConcurrency: true,
  run(count, attempt, k) {
    const queue = new PQueue({ concurrency: k });
    return Promise.all(indices(count).map((i) => queue.add(() => attempt(i))));
  },
} satisfies Scheduler;

const bottleneckScheduler = {
  name: 'bottleneck',
  description: 'bottleneck: new Bottleneck({ maxConcurrent: k }), limiter.schedule per call',
  takesConcurrency: true,
  run(count, attempt, k) {
    const limiter = new Bottleneck({ maxConcurrent: k });
    return Promise.all(indices(count).map((i) => limiter.schedule(() => attempt(i))));
  },
} satisfies Scheduler;

const asyncMapLimitScheduler = {
  name: 'async.mapLimit',
  description: 'async: mapLimit(indices, k, iteratee), promise form',
  takesConcurrency: true,
  // A plain callback iteratee: async detects async functions by their tag, which transpilers may change.
  run: (count, attempt, k) =>
    mapLimit<number, unknown>(indices(count), k, (i, done) => {
      attempt(i).then((value) => done(null, value), (error: unknown) => done(error as Error));
    }),
} satisfies Scheduler;

export const limiters: Readonly<Record<string, Scheduler>> = {
  'p-limit': pLimitScheduler,
  'p-map': pMapScheduler,
  'p-queue': pQueueScheduler,
  bottleneck: bottleneckScheduler,
  'async.mapLimit': asyncMapLimitScheduler,
};
