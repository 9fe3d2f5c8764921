// Client stacks against the delay server's /get, one request in flight: the cost of the stack itself
// (plus the server's share, which is the same for every stack).
import { Bench } from 'tinybench';
import { clients, CLIENT_NAMES, type ClientName, type ClientSession } from '../../clients/index.ts';
import { linkedAbort } from '../../util/abort.ts';
import { clientStackResults } from './adapt.ts';
import { benchOptions, MICRO_DEFAULTS } from './options.ts';

export interface ClientStackOptions {
  baseUrl: string;
  timeMs: number;
  timeoutMs: number;
  names?: readonly ClientName[];
  path?: string;
  signal?: AbortSignal;
}

export async function measureClientStacks(options: ClientStackOptions): Promise<ReturnType<typeof clientStackResults>> {
  const names = options.names ?? CLIENT_NAMES;
  const path = options.path ?? MICRO_DEFAULTS.path;
  const url = new URL(path, options.baseUrl).toString();
  const sessions = new Map<ClientName, ClientSession>(names.map((name) => [name, clients[name].open({ connections: 1 })]));
  const benchAbort = linkedAbort(options.signal);
  // One deadline for the whole pass instead of a timer per request, so no stack pays for timers.
  const deadline = AbortSignal.timeout(names.length * options.timeMs * 2 + options.timeoutMs);
  const signal = AbortSignal.any([benchAbort.signal, deadline]);
  try {
    const bench = new Bench(benchOptions(options.timeMs, benchAbort.signal));
    for (const [name, session] of sessions) {
      bench.add(name, async () => {
        const res = await session.request({ url, signal });
        if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      });
    }
    await bench.run();
    return clientStackResults(
      [...sessions.keys()].map((name) => ({
        client: name,
        description: clients[name].description,
        path,
        result: bench.getTask(name)?.result,
      })),
    );
  } finally {
    benchAbort.unlink();
    await Promise.all([...sessions.values()].map((session) => session.close()));
  }
}
