import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { digest } from '../../../platform/auth/crypto.ts';
import type { Executor } from '../../../platform/db/client.ts';
import { newId } from '../../../platform/ids.ts';
import { RECOVERY_CODE_COUNT } from '../domain/sessions.ts';
import { recoveryCodes } from './tables.ts';

// No look-alike characters (0/O, 1/I/L): codes are often copied from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** Normalised form for comparison: upper case, no spaces or dashes. */
export const normaliseRecoveryCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/** Replaces all recovery codes of a user; returns the new ones in clear, which are never stored. */
export async function replaceRecoveryCodes(tx: Executor, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ id: newId(), userId, codeHash: digest(normaliseRecoveryCode(code)) })));
  return codes;
}

/** Uses up a recovery code; false when it is unknown or already used. */
export async function consumeRecoveryCode(
  tx: Executor,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, digest(normaliseRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
}
