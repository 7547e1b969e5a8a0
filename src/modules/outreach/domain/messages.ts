/**
 * Transactional: about the person's own file, to everyone concerned (CASL-exempt, never suppressed by
 * an unsubscribe). Newsletter: a commercial electronic message, only to those who consented to it,
 * with the sender named and a one-click unsubscribe.
 */
export const MESSAGE_KINDS = ['transactional', 'newsletter'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Where a file stands, beyond its status: each stage is one criterion the segment may require. */
export const SEGMENT_STAGES = ['accepted_without_t0', 't0_completed', 'plan_approved', 'closed'] as const;
export type SegmentStage = (typeof SEGMENT_STAGES)[number];

/**
 * `pending`: written, its recipients not yet drawn; `sending`: recipients drawn, their mails being
 * handed to the outbox in batches; `queued`: every mail is in the outbox (the outbox sends them).
 */
export const MESSAGE_STATUSES = ['pending', 'sending', 'queued'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * A segment: criteria that all hold (each list: any of its values; empty or absent: any). A kind of
 * criterion another module owns (workshop participants) is a field here and one condition in `db/segment.ts`.
 */
export type Segment = {
  /** Application statuses (intake's). */
  statuses?: string[];
  /** Québec administrative region codes. */
  regions?: string[];
  /** NAICS subsectors (3 digits). */
  subsectors?: string[];
  stages?: SegmentStage[];
  /** The program's workshop participants (the workshops module's registrations): present, the criterion holds. */
  workshops?: { ids?: string[]; attended?: boolean };
};
