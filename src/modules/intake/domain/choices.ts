/** Choices the application form offers (kept apart from the schemas so pages load without the validator). */
export const ONLINE_PRESENCE = [
  'website',
  'online_store',
  'social_media',
  'google_business_profile',
  'marketplace',
  'none',
] as const;
export const LANGUAGES_SERVED = ['fr', 'en', 'other'] as const;
