import appEn from '../../app/i18n/en.json' with { type: 'json' };
import appFr from '../../app/i18n/fr.json' with { type: 'json' };
import administrationEn from '../modules/administration/i18n/en.json' with { type: 'json' };
import administrationFr from '../modules/administration/i18n/fr.json' with { type: 'json' };
import coachingEn from '../modules/coaching/i18n/en.json' with { type: 'json' };
import coachingFr from '../modules/coaching/i18n/fr.json' with { type: 'json' };
import conversationsEn from '../modules/conversations/i18n/en.json' with { type: 'json' };
import conversationsFr from '../modules/conversations/i18n/fr.json' with { type: 'json' };
import diagnosticEn from '../modules/diagnostic/i18n/en.json' with { type: 'json' };
import diagnosticFr from '../modules/diagnostic/i18n/fr.json' with { type: 'json' };
import expertsEn from '../modules/experts/i18n/en.json' with { type: 'json' };
import expertsFr from '../modules/experts/i18n/fr.json' with { type: 'json' };
import fieldmodeEn from '../modules/fieldmode/i18n/en.json' with { type: 'json' };
import fieldmodeFr from '../modules/fieldmode/i18n/fr.json' with { type: 'json' };
import fundingEn from '../modules/funding/i18n/en.json' with { type: 'json' };
import fundingFr from '../modules/funding/i18n/fr.json' with { type: 'json' };
import identityEn from '../modules/identity/i18n/en.json' with { type: 'json' };
import identityFr from '../modules/identity/i18n/fr.json' with { type: 'json' };
import intakeEn from '../modules/intake/i18n/en.json' with { type: 'json' };
import intakeFr from '../modules/intake/i18n/fr.json' with { type: 'json' };
import outreachEn from '../modules/outreach/i18n/en.json' with { type: 'json' };
import outreachFr from '../modules/outreach/i18n/fr.json' with { type: 'json' };
import privacyEn from '../modules/privacy/i18n/en.json' with { type: 'json' };
import privacyFr from '../modules/privacy/i18n/fr.json' with { type: 'json' };
import programsEn from '../modules/programs/i18n/en.json' with { type: 'json' };
import programsFr from '../modules/programs/i18n/fr.json' with { type: 'json' };
import registryEn from '../modules/registry/i18n/en.json' with { type: 'json' };
import registryFr from '../modules/registry/i18n/fr.json' with { type: 'json' };
import remindersEn from '../modules/reminders/i18n/en.json' with { type: 'json' };
import remindersFr from '../modules/reminders/i18n/fr.json' with { type: 'json' };
import reportingEn from '../modules/reporting/i18n/en.json' with { type: 'json' };
import reportingFr from '../modules/reporting/i18n/fr.json' with { type: 'json' };
import signalsEn from '../modules/signals/i18n/en.json' with { type: 'json' };
import signalsFr from '../modules/signals/i18n/fr.json' with { type: 'json' };
import workshopsEn from '../modules/workshops/i18n/en.json' with { type: 'json' };
import workshopsFr from '../modules/workshops/i18n/fr.json' with { type: 'json' };
import commonEn from '../platform/i18n/en.json' with { type: 'json' };
import commonFr from '../platform/i18n/fr.json' with { type: 'json' };
import type { Resources } from '../platform/i18n/i18n.ts';

/** Every translation, one namespace per module; a test fails when a key exists in one language only. */
export const resources: Resources = {
  fr: {
    common: commonFr,
    app: appFr,
    identity: identityFr,
    intake: intakeFr,
    diagnostic: diagnosticFr,
    experts: expertsFr,
    coaching: coachingFr,
    fieldmode: fieldmodeFr,
    conversations: conversationsFr,
    programs: programsFr,
    reminders: remindersFr,
    administration: administrationFr,
    funding: fundingFr,
    reporting: reportingFr,
    registry: registryFr,
    privacy: privacyFr,
    signals: signalsFr,
    outreach: outreachFr,
    workshops: workshopsFr,
  },
  en: {
    common: commonEn,
    app: appEn,
    identity: identityEn,
    intake: intakeEn,
    diagnostic: diagnosticEn,
    experts: expertsEn,
    coaching: coachingEn,
    fieldmode: fieldmodeEn,
    conversations: conversationsEn,
    programs: programsEn,
    reminders: remindersEn,
    administration: administrationEn,
    funding: fundingEn,
    reporting: reportingEn,
    registry: registryEn,
    privacy: privacyEn,
    signals: signalsEn,
    outreach: outreachEn,
    workshops: workshopsEn,
  },
};
