// A request's outcome in a few words, for hover titles and tables (the terminal waterfall's words).
import type { RequestRecord } from '../../../model/records.ts';
import { outcomeText as words } from '../../format.ts';

export const outcomeText = (record: Pick<RequestRecord, 'outcome' | 'status'>): string => words(record, 'ok');
