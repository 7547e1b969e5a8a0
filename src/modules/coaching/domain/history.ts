/** What happened to a coaching file, in order: assignments, reassignments, closures and reopenings. */
export type FileEvent =
  | { kind: 'assigned' | 'reassigned'; at: Date; expert: string }
  | { kind: 'closed'; at: Date; outcome: 'completed' | 'abandoned' }
  | { kind: 'reopened'; at: Date };

type Outcome = 'completed' | 'abandoned';

/** Closure ends an assignment with `closed:<outcome>`; any other end is a move to another expert. */
const endedByClosure = (endReason: string | null) => endReason?.startsWith('closed:') ?? false;

export function fileHistory(file: {
  assignments: { expertName: string; assignedAt: Date; endReason: string | null }[];
  closure: { outcome: Outcome; closedAt: Date } | null;
  reopenings: { outcome: Outcome; closedAt: Date; reopenedAt: Date }[];
}): FileEvent[] {
  const events: FileEvent[] = file.reopenings.flatMap((r): FileEvent[] => [
    { kind: 'closed', at: r.closedAt, outcome: r.outcome },
    { kind: 'reopened', at: r.reopenedAt },
  ]);
  if (file.closure) events.push({ kind: 'closed', at: file.closure.closedAt, outcome: file.closure.outcome });
  file.assignments.forEach((a, i) => {
    const previous = file.assignments[i - 1];
    // After a closure the expert comes back (reopening), or a first one is found: not a change of expert.
    const moved = previous !== undefined && !endedByClosure(previous.endReason);
    events.push({ kind: moved ? 'reassigned' : 'assigned', at: a.assignedAt, expert: a.expertName });
  });
  // A stable sort: the reopening comes before the assignment it restores at the same instant.
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}
