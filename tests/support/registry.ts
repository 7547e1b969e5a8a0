import { expect } from 'vitest';
import type { Harness } from './harness.ts';

export { syntheticExtract, syntheticFile } from './registry-extract.ts';

export function extractForm(bytes: Uint8Array, name = 'FichierDonneesOuvertes.zip', fileDate?: string) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/zip' }));
  if (fileDate) form.set('fileDate', fileDate);
  return form;
}

/** Uploads an extract as this administrator and waits until its import ends; answers the import. */
export async function importExtract(h: Harness, adminToken: string, bytes: Uint8Array) {
  const res = await h.request('/api/v1/registry/imports', {
    method: 'POST',
    token: adminToken,
    body: extractForm(bytes),
  });
  expect(res.status, await res.clone().text()).toBe(202);
  const started = await res.json();
  for (let i = 0; i < 200; i++) {
    const detail = await (
      await h.request(`/api/v1/registry/imports/${started.id}`, { token: adminToken })
    ).json();
    if (detail.status !== 'loading') return { started, detail };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not end');
}
