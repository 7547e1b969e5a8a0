import { PRIVACY_POLICY_VERSION } from '../../../kernel/privacy-policy.ts';
import type { Ctx } from '../../../platform/context.ts';
import { authorize } from '../../../wiring/authorize.ts';

/**
 * What the public pages publish (Law 25 s.3.1): the privacy policy's version, the privacy officer's
 * title and contact (configured; the title defaults to the law's words), the program team's address.
 */
export function getPublishedContacts(ctx: Ctx) {
  authorize(ctx.actor, 'privacy_policy.read');
  const { privacyOfficer, programEmail } = ctx.services.config.contacts;
  return {
    policyVersion: PRIVACY_POLICY_VERSION,
    officer: {
      ...privacyOfficer,
      title: privacyOfficer.title ?? ctx.t('privacy:public.officer.default_title'),
    },
    programEmail,
  };
}
