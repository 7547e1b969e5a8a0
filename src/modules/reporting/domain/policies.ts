import { hasRole, isPrivacyOfficer, type Policy, signedIn } from '../../../kernel/policy.ts';

/** The extract as access rules see it: who asked for it. */
export type ExtractResource = { requestedBy: string };

/**
 * The program's dashboard stays inside the program team (it names files in its alerts); the ministry
 * reads the indicators only, every figure through disclosure control; the measured impact, which
 * compares experts, is for coordinators. Researchers get anonymised extracts, never records.
 */
export const reportingPolicies = {
  'dashboard.read': { allow: hasRole('coordinator', 'admin') } satisfies Policy<void>,
  'impact.read': { allow: hasRole('coordinator') } satisfies Policy<void>,
  'indicators.read': { allow: hasRole('coordinator', 'admin', 'ministry') } satisfies Policy<void>,
  /**
   * The quarterly report: the program team produces it (a correction is a new version); the ministry
   * reads and downloads it, aggregates after disclosure control only.
   */
  'quarterly_report.produce': { allow: hasRole('coordinator', 'admin') } satisfies Policy<void>,
  'quarterly_report.read': { allow: hasRole('coordinator', 'admin', 'ministry') } satisfies Policy<void>,
  /**
   * The disclosure rules of a program: those who read its controlled figures may see them; only an
   * administrator changes them (decision 30).
   */
  'disclosure_rules.read': { allow: hasRole('coordinator', 'admin', 'ministry') } satisfies Policy<void>,
  'disclosure_rules.set': { allow: hasRole('admin') } satisfies Policy<void>,
  /** Researchers ask for anonymised extracts; nobody else does (the ministry sees aggregates only). */
  'research_extract.request': { allow: hasRole('researcher') } satisfies Policy<void>,
  /**
   * Researchers see their own requests; administrators see every request, to decide on them; the
   * privacy officer too, in their queue (Law 25: the officer hears of every communication for research).
   */
  'research_extract.list': {
    allow: (a) => hasRole('researcher', 'admin')(a) || isPrivacyOfficer(a),
  } satisfies Policy<void>,
  'research_extract.read': {
    allow: (a, r) => a.role === 'admin' || (a.role === 'researcher' && a.id === r.requestedBy),
  } satisfies Policy<ExtractResource>,
  /** Approving or refusing: an administrator, who is never the one who asked (separation of duties). */
  'research_extract.decide': { allow: hasRole('admin') } satisfies Policy<void>,
  /** The researcher who asked, and administrators checking what left the program. */
  'research_extract.download': {
    allow: (a, r) => a.role === 'admin' || (a.role === 'researcher' && a.id === r.requestedBy),
  } satisfies Policy<ExtractResource>,
  /** Open data is public: aggregates after disclosure control. */
  'open_data.read': { allow: signedIn, anonymous: true } satisfies Policy<void>,
};
