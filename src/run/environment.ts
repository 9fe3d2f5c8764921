// The machine a report was measured on, so comparisons can tell like from unlike.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { Environment } from '../model/records.ts';

export function captureEnvironment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    cpus: os.availableParallelism?.() ?? Math.max(cpus.length, 1),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    loadAverage: os.loadavg(),
    gitCommit: gitCommit(),
    ci: Boolean(process.env.CI),
  };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}
