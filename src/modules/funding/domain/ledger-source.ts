/**
 * What wrote a ledger entry, as its `source` names it (`claim:<id>`, `batch:<id>`…): the use cases write
 * it so a later correction finds its entry, and a page links an entry to the claim or batch behind it.
 */
export const SOURCE_KINDS = ['agreement', 'claim', 'batch', 'recovery', 'session', 'year-end'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The source's kind and what it names (an id, or a fiscal year for a year end); null when unknown. */
export function sourceOf(source: string | null): { kind: SourceKind; ref: string } | null {
  if (!source) return null;
  const at = source.indexOf(':');
  const kind = SOURCE_KINDS.find((k) => k === source.slice(0, at));
  return kind && at < source.length - 1 ? { kind, ref: source.slice(at + 1) } : null;
}
