// One small real load point: the delay server and the bare server driven by the generator process.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportSchema } from '../../../src/model/report.ts';
import { emptyReport } from '../../../src/run/run-bench.ts';
import { startDelayServer } from '../../../src/server/index.ts';
import { emptyLoadSection, runLoadSweep } from '../../../src/suites/load/run-load.ts';

test('a real load point on /delay is measured on both servers in interleaved pairs, bounded in time', async () => {
  const server = await startDelayServer({ timeScale: 0.1 });
  try {
    const options = {
      baseUrl: server.url,
      connections: [4],
      endpoints: ['/delay/0.05'],
      durationS: 0.5,
      warmupS: 0,
      preWarmS: 0,
      pairs: 3,
      timeScale: 0.1,
      timeoutS: 5,
    };
    const started = performance.now();
    const progress: string[] = [];
    const points = await runLoadSweep({ ...options, onProgress: (text) => progress.push(text) });
    const elapsedS = (performance.now() - started) / 1000;
    assert.ok(elapsedS < 15, `took ${elapsedS} s`);
    assert.equal(points.length, 1);
    const [point] = points;
    assert.ok(point);
    assert.equal(point.delayMs, 5);
    assert.equal(point.littleLimitPerSec, 800);
    for (const side of [point.delayServer, point.bare]) {
      assert.equal(side.state, 'measured', side.state === 'failed' ? side.error : '');
      if (side.state !== 'measured') continue;
      assert.ok(side.completed > 0);
      assert.equal(side.errors, 0);
      assert.equal(side.non2xx, 0);
      // Closed loop: 4 connections waiting 5 ms each cannot beat 800 req/s.
      assert.ok(side.requestsPerSec <= 800 * 1.05, `${side.requestsPerSec} req/s`);
      assert.ok(side.latencyMs && side.latencyMs.p50 >= 5, `p50 ${side.latencyMs?.p50}`);
      assert.ok(side.generator.cpuFraction >= 0);
    }
    assert.ok(point.serverRatio !== null && point.serverRatio > 0);
    assert.equal(point.pairRatios?.length, 3);
    assert.ok(point.pairRatioMedian != null && point.pairRatioMedian > 0);
    assert.equal(point.pairCpuRatios?.length, 3);
    assert.ok(point.pairCpuRatioMedian != null && point.pairCpuRatioMedian > 0);
    assert.ok(progress.some((line) => line.includes('bare server (3/3)')));
    // The section with this point validates against the report schema.
    const report = emptyReport({ suites: ['load'], fixtures: [], strategies: [], concurrency: null, client: 'undici', iterations: 1, warmup: 0, timeScale: 0.1, timeoutMs: 5000 });
    report.load = { ...emptyLoadSection(options), points };
    assert.doesNotThrow(() => ReportSchema.parse(JSON.parse(JSON.stringify(report))));
  } finally {
    await server.close();
  }
});
