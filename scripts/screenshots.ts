// The README's pictures from a real run: a short bench (strategies, load, open loop, micro) and a
// second strategies run to compare with, and bench/llm.bench.ts with SLOs for the LLM charts, rendered
// to HTML and photographed in headless chromium into docs/images/*.png. `npx tsx scripts/screenshots.ts`
// (about a minute; needs /usr/bin/chromium); `npx tsx scripts/screenshots.ts llm` redoes the LLM ones only.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { launchChromium } from './chromium.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/fanout-bench.js', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../docs/images/', import.meta.url));
const MAX_PNG_BYTES = 300_000;

/** Figure id → image name, in README order; the waterfall once more in dark mode. */
const SHOTS: Array<{ chart: string; pick?: string; name: string; scheme?: 'dark' }> = [
  { chart: 'waterfall', pick: 'waterfall-agent', name: 'waterfall' },
  { chart: 'waterfall', pick: 'waterfall-agent', name: 'waterfall-dark', scheme: 'dark' },
  { chart: 'wall-ideal', pick: 'wall-ideal-agent', name: 'wall-ideal' },
  { chart: 'speedup', name: 'speedup' },
  { chart: 'load-throughput', name: 'load-throughput' },
  { chart: 'load-percentiles', name: 'load-percentiles' },
  { chart: 'open-latency', name: 'open-latency' },
  { chart: 'micro', pick: 'micro-clients', name: 'micro' },
];

interface Shot {
  chart: string;
  pick?: string | undefined;
  name: string;
  file: string;
  scheme?: 'dark' | undefined;
}

/** From the LLM bench's page: its variant rows and the LLM section. */
const LLM_SHOTS: Array<{ chart: string; pick?: string; name: string }> = [
  { chart: 'variant-facts', name: 'llm-variants' },
  { chart: 'llm-latency', name: 'llm-latency' },
  { chart: 'llm-tokens', name: 'llm-tokens' },
  { chart: 'llm-goodput', name: 'llm-goodput' },
  { chart: 'llm-slowest', name: 'llm-slowest' },
];
const LLM_BENCH = fileURLToPath(new URL('../bench/llm.bench.ts', import.meta.url));
const llmOnly = process.argv.slice(2).includes('llm');

const cli = async (args: string[]): Promise<string> => (await run(process.execPath, [BIN, ...args], { env: { ...process.env, CI: 'true' }, maxBuffer: 64 << 20 })).stdout;

/** The short bench (strategies, load, open, micro) and a second strategies run to compare with. */
async function benchShots(common: string[], dir: string): Promise<Shot[]> {
  console.log('running a short bench (strategies, load, open, micro) …');
  const reportPath = (
    await cli([
      'run', '--suite', 'strategies,load,open,micro', '--iterations', '10', '--load-connections', '1,10,100', '--load-duration-s', '1',
      '--load-warmup-s', '0.25', '--load-prewarm-s', '0.5', '--open-max-rate', '6400', '--open-step-s', '1', '--micro-time-ms', '300', ...common,
    ])
  ).trim();
  const reportHtml = join(dir, 'report.html');
  await writeFile(reportHtml, await cli(['report', reportPath, '--format', 'html']));
  console.log('running the strategies again to compare with …');
  const secondPath = (await cli(['run', '--suite', 'strategies', '--iterations', '10', ...common])).trim();
  const compareHtml = join(dir, 'compare.html');
  // compare exits 1 on a regression: the page is what matters here.
  const compared = await run(process.execPath, [BIN, 'compare', reportPath, secondPath, '--format', 'html'], { maxBuffer: 64 << 20 }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  await writeFile(compareHtml, compared.stdout);
  return [...SHOTS.map((s) => ({ ...s, file: reportHtml })), { chart: 'compare', name: 'compare', file: compareHtml }];
}

const dir = await mkdtemp(join(tmpdir(), 'fanout-bench-screenshots-'));
try {
  const common = ['--time-scale', '0.1', '--out', dir, '--quiet'];
  const shots: Shot[] = [];
  if (!llmOnly) shots.push(...(await benchShots(common, dir)));
  console.log('running bench/llm.bench.ts (its own time scale, 10 runs per row, --slo ttft:300,tpot:20) …');
  const llmPath = (await cli(['run', LLM_BENCH, '--suite', 'strategies', '--iterations', '10', '--slo', 'ttft:300,tpot:20', '--out', dir, '--quiet'])).trim();
  const llmHtml = join(dir, 'llm.html');
  await writeFile(llmHtml, await cli(['report', llmPath, '--format', 'html']));
  shots.push(...LLM_SHOTS.map((s) => ({ ...s, file: llmHtml })));

  await mkdir(OUT_DIR, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const browser = await launchChromium({ colorScheme: scheme, widthPx: 1000 });
    try {
      const page = await browser.context.newPage();
      for (const shot of shots.filter((s) => (s.scheme ?? 'light') === scheme)) {
        await page.goto(pathToFileURL(shot.file).href, { waitUntil: 'load' });
        const selector = shot.pick ? `#${shot.pick}` : `figure[data-chart="${shot.chart}"]`;
        const path = join(OUT_DIR, `${shot.name}.png`);
        // The figure from its title to the bottom of the chart; the table under it stays in the page.
        const figure = await page.locator(selector).first().boundingBox();
        const chart = await page.locator(`${selector} svg`).first().boundingBox();
        if (!figure || !chart) throw new Error(`${selector} is not on the page`);
        await page.screenshot({ path, fullPage: true, clip: { x: figure.x, y: figure.y, width: figure.width, height: chart.y + chart.height - figure.y + 4 } });
        const { size } = await stat(path);
        console.log(`${path}: ${(size / 1000).toFixed(0)} kB`);
        if (size > MAX_PNG_BYTES) throw new Error(`${path} is ${size} bytes, over ${MAX_PNG_BYTES}`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
