// One look for every terminal table: plain (no colour codes, so golden files stay stable), compact.
import Table from 'cli-table3';

export function terminalTable(head: readonly string[]): InstanceType<typeof Table> {
  return new Table({ head: [...head], style: { head: [], border: [], compact: true } });
}
