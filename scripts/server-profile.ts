// Where the delay server's time goes under load, beside the bare node:http server: both servers run
// in a child process (as in the load suite, one process and one event loop), autocannon here; each
// measured window is profiled in the child (node:inspector) and its top self-time functions printed,
// with req/s and the child's CPU µs per request.
//
//   npm run build && npx tsx scripts/server-profile.ts [--endpoint /get] [--connections 1000] [--duration-s 5] [--sides delay,bare] [--top 25] [--out DIR]
import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarizeProfile, type CpuProfile } from './profile-summary.ts';

type ToChild = { kind: 'start' } | { kind: 'stop' };
type FromChild = { kind: 'ready'; urls: Record<string, string> } | { kind: 'stopped'; profile: CpuProfile; cpuMs: number };

async function child(endpoint: string): Promise<void> {
  // The compiled servers (npm run build), as the CLI runs them: their profile keeps the source lines.
  const dist = (path: string): string => new URL(`../dist/${path}`, import.meta.url).href;
  const { startDelayServer } = (await import(dist('server/index.js'))) as typeof import('../src/server/index.ts');
  const { captureReply, startBareServer } = (await import(dist('suites/load/bare-server.js'))) as typeof import('../src/suites/load/bare-server.ts');
  const { servedDelayMsOf } = (await import(dist('suites/load/little.js'))) as typeof import('../src/suites/load/little.ts');
  const delay = await startDelayServer();
  const bare = await startBareServer(new Map([[endpoint, await captureReply(delay.url, endpoint, servedDelayMsOf(endpoint, 1) ?? 0)]]));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  let cpu = process.cpuUsage();
  process.on('message', (message: ToChild) => {
    void (async () => {
      if (message.kind === 'start') {
        await session.post('Profiler.start');
        cpu = process.cpuUsage();
        return;
      }
      const used = process.cpuUsage(cpu);
      const { profile } = await session.post('Profiler.stop');
      process.send?.({ kind: 'stopped', profile: profile as unknown as CpuProfile, cpuMs: (used.user + used.system) / 1000 } satisfies FromChild);
    })();
  });
  process.on('disconnect', () => void Promise.all([delay.close(), bare.close()]).then(() => process.exit(0)));
  process.send?.({ kind: 'ready', urls: { delay: delay.url, bare: bare.url } } satisfies FromChild);
}

async function parent(): Promise<void> {
  const { values } = parseArgs({
    options: {
      endpoint: { type: 'string', default: '/get' },
      connections: { type: 'string', default: '1000' },
      'duration-s': { type: 'string', default: '5' },
      sides: { type: 'string', default: 'delay,bare' },
      top: { type: 'string', default: '25' },
      out: { type: 'string' },
    },
  });
  const endpoint = values.endpoint;
  const connections = Math.min(Number(values.connections), 2000);
  const durationS = Math.min(Number(values['duration-s']), 60);
  const proc = fork(fileURLToPath(import.meta.url), ['--child', endpoint], { execArgv: ['--import', 'tsx'] });
  const next = (): Promise<FromChild> => new Promise((resolve) => proc.once('message', (m: FromChild) => resolve(m)));
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('child did not start');
  try {
    for (const side of values.sides.split(',')) {
      const url = new URL(endpoint, ready.urls[side]).toString();
      await autocannon({ url, connections, duration: 2 });
      proc.send({ kind: 'start' } satisfies ToChild);
      const result = (await autocannon({ url, connections, duration: durationS })) as { requests: { total: number }; duration: number };
      const stopped = next();
      proc.send({ kind: 'stop' } satisfies ToChild);
      const reply = await stopped;
      if (reply.kind !== 'stopped') throw new Error('no profile');
      const completed = result.requests.total;
      console.log(`\n== ${side} ${endpoint} c=${connections}: ${(completed / result.duration).toFixed(0)} req/s, server CPU ${((reply.cpuMs * 1000) / completed).toFixed(1)} µs/req`);
      console.log(summarizeProfile(reply.profile, Number(values.top)));
      if (values.out) {
        await mkdir(values.out, { recursive: true });
        await writeFile(`${values.out}/${side}-${endpoint.replaceAll('/', '_')}-c${connections}.cpuprofile`, JSON.stringify(reply.profile));
      }
    }
  } finally {
    proc.disconnect();
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '/get');
else await parent();
