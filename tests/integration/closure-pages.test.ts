import { RouterContextProvider } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as closePage from '../../src/modules/coaching/ui/close-file.tsx';
import * as reopenPage from '../../src/modules/coaching/ui/reopen-file.tsx';
import * as statusPage from '../../src/modules/intake/ui/application-status.tsx';
import * as settingsPage from '../../src/modules/programs/ui/settings.tsx';
import type { Ctx } from '../../src/platform/context.ts';
import { requestScope } from '../../src/platform/http/request-scope.ts';
import { coachedBy, type ExpertFixture, expert } from '../support/coaching.ts';
import { completedDiagnostic } from '../support/diagnostic.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId } from '../support/intake.ts';

// The pages' loaders and actions, run as the browser would reach them, with a real database behind.
let h: Harness;
let programId: string;
let coordinator: string;
let coach: ExpertFixture;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  coordinator = await h.token((await h.user('coordinator')).email);
  coach = await expert(h, coordinator, { name: 'Camille Expert' });
});
afterAll(() => h?.close());

type RouteFunction = (args: {
  request: Request;
  params: Record<string, string>;
  context: RouterContextProvider;
}) => Promise<unknown>;

async function run(
  route: RouteFunction,
  ctx: Ctx,
  params: Record<string, string>,
  form?: Record<string, string>,
) {
  const context = new RouterContextProvider();
  context.set(requestScope, { ctx, nonce: 'nonce', csrfToken: 'csrf', secureCookies: false });
  const request = new Request(
    'http://virage.test/page',
    form ? { method: 'POST', body: new URLSearchParams({ _csrf: 'csrf', ...form }) } : {},
  );
  try {
    return await route({ request, params, context });
  } catch (thrown) {
    return thrown;
  }
}

describe(`closing pages (${engine})`, () => {
  it('shows where a file stands and what closing cancels before it is confirmed; the status page then follows the closure', async () => {
    const app = await coachedBy(h, programId, coordinator, coach);
    await completedDiagnostic(h, app.id, app.token);
    await h.request('/api/v1/sessions', {
      method: 'POST',
      token: coach.token,
      json: {
        applicationId: app.id,
        startsAt: '2027-03-01T10:00:00-05:00',
        durationMinutes: 60,
        mode: 'phone',
      },
    });
    const asCoach = await h.as({ bearerToken: coach.token });
    const summary = (await run(closePage.loader as RouteFunction, asCoach, { id: app.id })) as Awaited<
      ReturnType<typeof closePage.loader>
    >;
    expect(summary).toMatchObject({
      expert: 'Camille Expert',
      sessionsHeld: 0,
      littleDone: true,
      planApproved: false,
      toCancel: [{ mode: 'phone' }],
    });
    // The retailer is not the one to close.
    const asRetailer = await h.as({ bearerToken: app.token });
    expect(await run(closePage.loader as RouteFunction, asRetailer, { id: app.id })).toMatchObject({
      init: { status: 403 },
    });

    const before = (await run(statusPage.loader as RouteFunction, asRetailer, { id: app.id })) as Awaited<
      ReturnType<typeof statusPage.loader>
    >;
    expect(before).toMatchObject({ status: 'accepted', mayWithdraw: true });
    // Each step a minute after the other, so that the history has an order.
    h.clock.advance(60);
    const closed = await run(
      closePage.action as RouteFunction,
      asCoach,
      { id: app.id },
      {
        outcome: 'abandoned',
        reason: 'Aucune réponse aux relances.',
      },
    );
    expect((closed as Response).headers.get('location')).toBe(`/caseload/${app.id}`);
    const after = (await run(statusPage.loader as RouteFunction, asRetailer, { id: app.id })) as Awaited<
      ReturnType<typeof statusPage.loader>
    >;
    expect(after).toMatchObject({ status: 'closed_abandoned', mayWithdraw: false });
    expect(after.application.history.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['accepted', 'assigned', 'closed_abandoned']),
    );
    expect(after.application.history.find((e) => e.kind === 'assigned')?.message).toBe('Camille Expert');
    // Reopening: the program team's, from its own page.
    expect(await run(reopenPage.loader as RouteFunction, asCoach, { id: app.id })).toMatchObject({
      init: { status: 403 },
    });
    const asCoordinator = await h.as({ bearerToken: coordinator });
    expect(await run(reopenPage.loader as RouteFunction, asCoordinator, { id: app.id })).toMatchObject({
      closed: { outcome: 'abandoned', reason: 'Aucune réponse aux relances.' },
    });
    const noReason = await run(
      reopenPage.action as RouteFunction,
      asCoordinator,
      { id: app.id },
      { reason: '' },
    );
    expect(noReason).toMatchObject({
      init: { status: 422 },
      data: { error: { errors: [{ path: 'reason' }] } },
    });
    const reopened = await run(
      reopenPage.action as RouteFunction,
      asCoordinator,
      { id: app.id },
      {
        reason: 'La propriétaire a rappelé.',
      },
    );
    expect((reopened as Response).headers.get('location')).toBe(`/caseload/${app.id}`);
    const open = (await run(statusPage.loader as RouteFunction, asRetailer, { id: app.id })) as Awaited<
      ReturnType<typeof statusPage.loader>
    >;
    expect(open).toMatchObject({ status: 'accepted', mayWithdraw: true });
    expect(open.application.history.map((e) => e.kind).slice(-2)).toEqual(['reopened', 'assigned']);
  });

  it('proposes the waitlist, in order, when the target rises', async () => {
    const admin = await h.as({ bearerToken: await h.token((await h.user('admin')).email) });
    const [program] = (await (await h.request(`/api/v1/programs`)).json()).items;
    const target = String(program.targetRetailers);
    expect(
      await run(
        settingsPage.action as RouteFunction,
        admin,
        {},
        { targetRetailers: String(program.targetRetailers + 10) },
      ),
    ).toEqual({ saved: true, targetRaised: true });
    expect(await run(settingsPage.action as RouteFunction, admin, {}, { targetRetailers: target })).toEqual({
      saved: true,
      targetRaised: false,
    });
  });
});
