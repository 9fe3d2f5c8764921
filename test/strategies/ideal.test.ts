import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkedMs, listScheduleMs, maxMs, sumMs } from '../../src/strategies/ideal.ts';
import { strategies } from '../../src/strategies/index.ts';

const lesson = [2000, 1000, 0, 0];

describe('ideal makespan', () => {
  it('sequential is the sum and all is the max', () => {
    assert.equal(sumMs(lesson), 3000);
    assert.equal(maxMs(lesson), 2000);
    assert.equal(sumMs([]), 0);
    assert.equal(maxMs([]), 0);
  });

  it('list-schedules k workers in order', () => {
    assert.equal(listScheduleMs(lesson, 1), 3000);
    assert.equal(listScheduleMs(lesson, 2), 2000);
    // 3 workers on [5,1,1,1,5]: w1 5, w2 1→(next 1)…; the last 5 lands on a worker free at 1 → 6.
    assert.equal(listScheduleMs([5, 1, 1, 1, 5], 3), 6);
    // in-order greedy, not optimal: [1,1,4] on 2 workers → 5 (optimal would be 4)
    assert.equal(listScheduleMs([1, 1, 4], 2), 5);
    assert.equal(listScheduleMs(lesson, 10), 2000);
    assert.equal(listScheduleMs([], 3), 0);
    assert.throws(() => listScheduleMs(lesson, 0), RangeError);
  });

  it('batched is the sum of chunk maxima', () => {
    assert.equal(chunkedMs(lesson, 2), 2000);
    assert.equal(chunkedMs([1, 5, 1, 1, 5], 2), 5 + 1 + 5);
    assert.equal(chunkedMs([3, 1, 2], 1), 6);
    assert.throws(() => chunkedMs(lesson, 1.5), RangeError);
  });

  it('each strategy picks its ideal', () => {
    const agent = [150, 50, 120, 0, 80, 0, 100, 30, 0, 150, 50, 0];
    assert.equal(strategies.sequential.idealMs(agent, 3), 730);
    assert.equal(strategies.all.idealMs(agent, 3), 150);
    assert.equal(strategies['all-settled'].idealMs(agent, 3), 150);
    assert.equal(strategies.pool.idealMs(agent, 3), 300);
    assert.equal(strategies.batched.idealMs(agent, 3), 150 + 80 + 100 + 150);
  });
});
