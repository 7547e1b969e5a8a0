/** How a coaching session is held: at the business, by video, by phone. */
export const SESSION_MODES = ['in_store', 'video', 'phone'] as const;

export type SessionMode = (typeof SESSION_MODES)[number];
