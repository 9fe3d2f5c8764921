// The parent side of the load generator: a child process (see generator-child.ts) that runs one
// autocannon measurement per call. A call that outlives its deadline kills the child; the next
// call starts a fresh one, so one stuck point cannot stall the sweep.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { entryExecArgv, entryModule } from '../../util/entry-module.ts';
import { GeneratorReplySchema, type AutocannonRawResult, type GeneratorRequest, type GeneratorUsage } from './autocannon-result.ts';

const CHILD = entryModule(import.meta.url, 'generator-child');
/** Beyond warm-up + duration + request timeout: process start-up, connecting, draining. */
const DEADLINE_SLACK_MS = 15_000;

export const GENERATOR_KIND = 'child-process' as const;

export interface GeneratorRun {
  url: string;
  connections: number;
  warmupS: number;
  durationS: number;
  timeoutS: number;
  overallRatePerSec?: number;
}

export interface GeneratorOutput {
  result: AutocannonRawResult;
  usage: GeneratorUsage;
  /** CPU time of this process (where the servers under test run) during the measured run. */
  serverCpuMs: number;
}

export interface LoadGenerator {
  run(run: GeneratorRun, signal?: AbortSignal): Promise<GeneratorOutput>;
  close(): void;
}

export function startGenerator(): LoadGenerator {
  let child: ChildProcess | null = null;
  let nextId = 1;
  const spawnChild = (): ChildProcess => {
    const proc = fork(fileURLToPath(CHILD), [], { execArgv: entryExecArgv(CHILD), stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    proc.on('exit', () => {
      if (child === proc) child = null;
    });
    // A failed fork or a send on a closed channel: the run in flight fails through 'exit' or its
    // deadline; without a listener the 'error' event would crash the whole harness.
    proc.on('error', () => kill(proc));
    return proc;
  };
  const kill = (proc: ChildProcess): void => {
    if (child === proc) child = null;
    proc.kill('SIGKILL');
  };
  return {
    run(run, signal) {
      const proc = (child ??= spawnChild());
      const id = nextId++;
      const deadlineMs = (run.warmupS + run.durationS + run.timeoutS) * 1000 + DEADLINE_SLACK_MS;
      return new Promise((resolve, reject) => {
        let cpuAtStart: NodeJS.CpuUsage | null = null;
        const finish = (error: Error | null, value?: GeneratorOutput): void => {
          clearTimeout(timer);
          proc.off('message', onMessage);
          proc.off('exit', onExit);
          signal?.removeEventListener('abort', onAbort);
          if (error) reject(error);
          else resolve(value!);
        };
        const onMessage = (message: unknown): void => {
          const reply = GeneratorReplySchema.safeParse(message);
          if (!reply.success || reply.data.id !== id) return;
          if (reply.data.kind === 'measuring') cpuAtStart = process.cpuUsage();
          else if (reply.data.kind === 'error') finish(new Error(`load generator: ${reply.data.message}`));
          else if (cpuAtStart === null) finish(new Error('load generator: result without a measuring notice'));
          else {
            const cpu = process.cpuUsage(cpuAtStart);
            finish(null, { result: reply.data.result, usage: reply.data.usage, serverCpuMs: (cpu.user + cpu.system) / 1000 });
          }
        };
        const onExit = (code: number | null, sig: string | null): void => finish(new Error(`load generator exited (${sig ?? `code ${code}`})`));
        const onAbort = (): void => {
          kill(proc);
          finish(new Error('aborted'));
        };
        const timer = setTimeout(() => {
          kill(proc);
          finish(new Error(`load generator gave no result within ${(deadlineMs / 1000).toFixed(0)} s; killed`));
        }, deadlineMs);
        proc.on('message', onMessage);
        proc.on('exit', onExit);
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        const request: GeneratorRequest = { kind: 'run', id, ...run };
        proc.send(request, (error) => {
          if (error) finish(new Error(`load generator: ${error.message}`));
        });
      });
    },
    close() {
      if (child) kill(child);
    },
  };
}
