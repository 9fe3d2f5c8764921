// A request's outcome in a few words, for hover titles and tables.
import type { RequestRecord } from '../../../model/records.ts';

export function outcomeText(record: Pick<RequestRecord, 'outcome' | 'status'>): string {
  switch (record.outcome.kind) {
    case 'ok':
      return `${record.status ?? 'ok'}`;
    case 'http-error':
      return `${record.outcome.status} ✗`;
    case 'network-error':
      return `✗ ${record.outcome.code}`;
    case 'timeout':
      return '✗ timeout';
  }
}
