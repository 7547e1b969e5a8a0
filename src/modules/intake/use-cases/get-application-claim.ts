import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';
import { findAccountByEmail } from '../../identity/index.ts';
import { findClaim } from '../db/claim-links.ts';
import { applicationProfile } from '../db/queries.ts';
import { type ClaimState, claimState } from '../domain/claims.ts';

export type ApplicationClaim =
  | { state: Exclude<ClaimState, 'valid'> }
  | {
      state: 'valid';
      business: string | null;
      email: string;
      /** How the person goes on: open an account, sign in first (the address has one), or claim as themselves. */
      next: 'open_account' | 'sign_in' | 'claim_signed_in';
    };

/** What a claim link offers, for its page: whose application, and how to go on (public, by the link). */
export async function getApplicationClaim(ctx: Ctx, token: string): Promise<ApplicationClaim> {
  authorize(ctx.actor, 'application.claim');
  const claim = token.length >= 10 && token.length <= 200 ? await findClaim(ctx.db, token) : undefined;
  const state = claimState(claim, ctx.now());
  if (state !== 'valid' || !claim) return { state: state === 'valid' ? 'unknown' : state };
  const [app, account] = await Promise.all([
    applicationProfile(ctx.db, claim.applicationId),
    findAccountByEmail(ctx.db, claim.email),
  ]);
  const signedIn = ctx.actor.kind === 'user' && ctx.actor.email === claim.email;
  return {
    state,
    business: app?.tradeName || app?.legalName || null,
    email: claim.email,
    next: signedIn ? 'claim_signed_in' : account ? 'sign_in' : 'open_account',
  };
}
