// The order of the side runs: base, head, head, base, … — each round swaps which side goes first,
// so a drift in what else the machine does weighs on both revisions alike.
export type Revision = 'base' | 'head';

export interface SideRun {
  /** 1-based. */
  round: number;
  revision: Revision;
}

export function abOrder(rounds: number): SideRun[] {
  return Array.from({ length: rounds }, (_, i) => {
    const round = i + 1;
    const first: Revision = i % 2 === 0 ? 'base' : 'head';
    const second: Revision = first === 'base' ? 'head' : 'base';
    return [
      { round, revision: first },
      { round, revision: second },
    ];
  }).flat();
}
