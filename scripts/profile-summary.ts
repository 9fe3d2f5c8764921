// Top self-time functions of a V8 CPU profile (.cpuprofile JSON, as --cpu-prof or node:inspector write it).
//
//   npx tsx scripts/profile-summary.ts FILE.cpuprofile [top]
import { readFile } from 'node:fs/promises';

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function (by name, file and line), as a share of all samples, largest first. */
export function summarizeProfile(profile: CpuProfile, top: number): string {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (const node of profile.nodes) {
    const us = byNode.get(node.id) ?? 0;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') idleUs += us;
    const file = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/src\//, 'src/').replace(/^node:/, 'node:');
    const key = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const rows = [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `profiled ${(totalUs / 1000).toFixed(0)} ms, busy ${(busyUs / 1000).toFixed(0)} ms (${((busyUs / totalUs) * 100).toFixed(0)}%)`,
    ...rows.map(([key, us]) => `${((us / busyUs) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top = '30'] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts FILE.cpuprofile [top]');
  console.log(summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, Number(top)));
}
