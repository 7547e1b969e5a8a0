/**
 * The version of the published privacy policy (its text is the privacy module's content). Each consent
 * record keeps the version in force when it was given or withdrawn (Law 25); a change of the policy's
 * text is a new version here and a new text in both languages.
 */
export const PRIVACY_POLICY_VERSION = '2026-12-07';
