import { describe, expect, it } from 'vitest';
import { fileHistory } from './history.ts';

const at = (day: number) => new Date(Date.UTC(2027, 0, day));

describe('history of a coaching file', () => {
  it('tells assignments, a change of expert, a closure undone and the closure, in order', () => {
    expect(
      fileHistory({
        assignments: [
          { expertName: 'Camille', assignedAt: at(1), endReason: 'Congé' },
          { expertName: 'Alex', assignedAt: at(5), endReason: 'closed:completed' },
          { expertName: 'Alex', assignedAt: at(12), endReason: 'closed:abandoned' },
        ],
        closure: { outcome: 'abandoned', closedAt: at(20) },
        reopenings: [{ outcome: 'completed', closedAt: at(10), reopenedAt: at(12) }],
      }),
    ).toEqual([
      { kind: 'assigned', at: at(1), expert: 'Camille' },
      { kind: 'reassigned', at: at(5), expert: 'Alex' },
      { kind: 'closed', at: at(10), outcome: 'completed' },
      { kind: 'reopened', at: at(12) },
      { kind: 'assigned', at: at(12), expert: 'Alex' },
      { kind: 'closed', at: at(20), outcome: 'abandoned' },
    ]);
  });
});
