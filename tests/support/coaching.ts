import type { Harness } from './harness.ts';
import { acceptedApplication } from './intake.ts';

export type ExpertFixture = { id: string; userId: string; email: string; token: string };

/** An expert account with its profile; Montréal, French, online marketing by default. */
export async function expert(
  h: Harness,
  staffToken: string,
  profile: {
    regions?: string[];
    languages?: string[];
    specialties?: string[];
    capacity?: number;
    locale?: 'fr' | 'en';
    name?: string;
  } = {},
): Promise<ExpertFixture> {
  const { id: userId, email } = await h.user('expert', { locale: profile.locale, name: profile.name });
  const res = await h.request('/api/v1/experts', {
    method: 'POST',
    token: staffToken,
    json: {
      email,
      regions: profile.regions ?? ['06'],
      languages: profile.languages ?? ['fr'],
      specialties: profile.specialties ?? ['online_marketing_social'],
      capacity: profile.capacity ?? 250,
    },
  });
  if (res.status !== 201) throw new Error(`expert failed: ${await res.text()}`);
  const { id } = await res.json();
  return { id, userId, email, token: await h.token(email) };
}

/** An accepted business coached by this expert; returns the application and the retailer's token. */
export async function coachedBy(
  h: Harness,
  programId: string,
  staffToken: string,
  coach: ExpertFixture,
  overrides: Record<string, unknown> = {},
) {
  const app = await acceptedApplication(h, programId, staffToken, overrides);
  const res = await h.request('/api/v1/assignments', {
    method: 'POST',
    token: staffToken,
    json: { assignments: [{ applicationId: app.id, expertId: coach.id }] },
  });
  if (res.status !== 200) throw new Error(`assignment failed: ${await res.text()}`);
  return app;
}
