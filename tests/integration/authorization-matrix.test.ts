import { existsSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { apiOperations } from '../../src/wiring/api.ts';
import {
  approvedExtractOfResearcher,
  CALLERS,
  callersOfPart,
  describeMatrix,
  MATRIX_PARTS,
  matrix,
  matrixFile,
  setUpMatrix,
} from '../support/authorization-matrix.ts';
import { engine } from '../support/harness.ts';
import { business } from '../support/intake.ts';

// The first part of the matrix, and what holds for the whole of it (the other parts: authorization-matrix-*.test.ts).
const setUp = setUpMatrix();

describe(`authorization matrix (${engine})`, () => {
  it('lets a coordinator invite only partner members and experts', async () => {
    for (const [role, status] of [
      ['partner', 201],
      ['expert', 201],
      ['coordinator', 403],
      ['admin', 403],
      ['ministry', 403],
    ] as const) {
      const res = await setUp.h.request('/api/v1/users/invitations', {
        method: 'POST',
        token: setUp.tokens.get('coordinator')!,
        json: { email: `by-coordinator-${role}@example.ca`, role },
      });
      expect(res.status, role).toBe(status);
    }
  });

  it('never gives the researcher a direct identifier: the extract holds none of the businesses’', async () => {
    const extractId = await approvedExtractOfResearcher(setUp.fixture('researcher'));
    const res = await setUp.h.request(`/api/v1/research-extracts/${extractId}/download`, {
      token: setUp.tokens.get('researcher')!,
    });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const texts = { ...files, ...unzipSync(files['data.xlsx']!) };
    delete texts['data.xlsx'];
    const everything = Object.values(texts)
      .map((file) => strFromU8(file))
      .join('\n');
    const facts = business();
    for (const identifier of [
      facts.legalName,
      facts.tradeName,
      facts.email,
      facts.phone,
      facts.street,
      'H2X',
      facts.contactName,
      '22000',
    ])
      expect(everything, identifier).not.toContain(identifier);
  });

  it('has a row for every API operation, and no row for an operation that does not exist', () => {
    expect(Object.keys(matrix).sort()).toEqual(apiOperations.map((op) => op.operationId).sort());
  });

  it('tries every caller in exactly one part, and every part has its file', () => {
    const parts = Array.from({ length: MATRIX_PARTS }, (_, part) => callersOfPart(part));
    expect(parts.flat().sort()).toEqual([...CALLERS].sort());
    for (let part = 1; part < MATRIX_PARTS; part++)
      expect(existsSync(path.join(import.meta.dirname, matrixFile(part))), matrixFile(part)).toBe(true);
  });
});

describeMatrix(setUp, callersOfPart(0));
