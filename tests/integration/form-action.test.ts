import { RouterContextProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/platform/context.ts';
import { fieldError } from '../../src/platform/errors.ts';
import { type RequestScope, requestScope } from '../../src/platform/http/request-scope.ts';
import { createI18n } from '../../src/platform/i18n/i18n.ts';
import { formAction, pageLoader } from '../../src/platform/ui/route.server.ts';
import { resources } from '../../src/wiring/i18n-resources.ts';

// What a failed form sends back to its page, which renders it again without JavaScript.
const scope = {
  ctx: {
    actor: { kind: 'anonymous' },
    locale: 'fr',
    services: { i18n: createI18n(resources) },
  } as unknown as Ctx,
  nonce: 'nonce',
  csrfToken: 'csrf',
  secureCookies: false,
} satisfies RequestScope;

async function submit(fields: [string, string][], act: () => unknown = failGoals) {
  const context = new RouterContextProvider();
  context.set(requestScope, scope);
  const action = formAction(act);
  const request = new Request('http://virage.test/form', {
    method: 'POST',
    body: new URLSearchParams(fields),
  });
  return (await action({ request, params: {}, context })) as {
    data: { values: Record<string, string>; allValues: Record<string, string[]> };
    init: ResponseInit;
  };
}

function failGoals(): never {
  throw fieldError('goals', 'common:validation.required');
}

describe('a failed form', () => {
  it('keeps every value of a name sent several times, so ticked boxes stay ticked', async () => {
    const failed = await submit([
      ['_csrf', 'csrf'],
      ['languagesServed', 'fr'],
      ['languagesServed', 'en'],
      ['onlinePresence', 'social'],
      ['goals', ''],
    ]);
    expect(failed.init.status).toBe(422);
    expect(failed.data.allValues).toEqual({
      languagesServed: ['fr', 'en'],
      onlinePresence: ['social'],
      goals: [''],
    });
    expect(failed.data.values).toEqual({ languagesServed: 'en', onlinePresence: 'social', goals: '' });
  });

  it('sends no secret back, whether given once or several times, and keeps the codes that are not secrets', async () => {
    const failed = await submit([
      ['email', 'zoe@example.ca'],
      ['postalCode', 'G1R 4P5'],
      ['referralCode', 'SDC-42'],
      ['password', 'one'],
      ['newPassword', 'two'],
      ['code', '123456'],
      ['code', '654321'],
    ]);
    expect(failed.data.values).toEqual({
      email: 'zoe@example.ca',
      postalCode: 'G1R 4P5',
      referralCode: 'SDC-42',
    });
    expect(failed.data.allValues).toEqual({
      email: ['zoe@example.ca'],
      postalCode: ['G1R 4P5'],
      referralCode: ['SDC-42'],
    });
  });

  it('refuses a NUL character in any field before the page acts, naming the field', async () => {
    let acted = false;
    const failed = (await submit(
      [
        ['name', 'Zoé'],
        ['tags', 'a'],
        ['tags', 'b\u0000c'],
      ],
      () => {
        acted = true;
      },
    )) as unknown as { data: { error: { errors: { path: string; message: string }[] } }; init: ResponseInit };
    expect(acted).toBe(false);
    expect(failed.init.status).toBe(422);
    expect(failed.data.error.errors).toEqual([
      { path: 'tags', message: expect.stringContaining('caractère non permis') },
    ]);
  });

  it('refuses a page address whose query holds a NUL character, naming the parameter', async () => {
    const context = new RouterContextProvider();
    context.set(requestScope, scope);
    const loader = pageLoader(() => ({ listed: true }));
    const request = new Request('http://virage.test/admin/users?q=a%00b');
    const thrown = await loader({ request, params: {}, context }).catch((e: unknown) => e);
    const refused = thrown as { data: { errors: { path: string }[] }; init: ResponseInit };
    expect(refused.init.status).toBe(422);
    expect(refused.data.errors.map((e) => e.path)).toEqual(['q']);
  });
});
