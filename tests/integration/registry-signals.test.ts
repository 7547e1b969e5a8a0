import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signals } from '../../src/modules/signals/db/tables.ts';
import { auditEvents } from '../../src/platform/audit/table.ts';
import { createHarness, engine, type Harness } from '../support/harness.ts';
import { defaultProgramId, submitted } from '../support/intake.ts';
import { importExtract, syntheticExtract, syntheticFile } from '../support/registry.ts';

let h: Harness;
let programId: string;
let admin: string;
let coordinator: string;

beforeAll(async () => {
  h = await createHarness();
  programId = await defaultProgramId(h);
  admin = await h.token((await h.user('admin')).email);
  coordinator = await h.token((await h.user('coordinator')).email);
});
afterAll(() => h?.close());

const REGISTRY_KINDS = ['registry_name', 'registry_status', 'registry_employees', 'struck_off'];

let n = 0;
/** An application of this NEQ and declared legal name; nothing else shared with another file. */
async function apply(neq: string, legalName: string): Promise<string> {
  n++;
  const { id } = await submitted(h, programId, {
    neq,
    legalName,
    email: `registre${n}@exemple.ca`,
    phone: `438-777-${String(1000 + n)}`,
    street: `${200 + n}, rue du Registre`,
  });
  return id;
}

type SignalBody = { id: string; kind: string; status: string; explanation: string };
async function registrySignals(applicationId: string, locale = 'fr') {
  const res = await h.request(`/api/v1/signals?${new URLSearchParams({ applicationId })}`, {
    token: coordinator,
    headers: { 'accept-language': locale },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()).items as SignalBody[]).filter((s) => REGISTRY_KINDS.includes(s.kind));
}
const kindsOf = async (applicationId: string) =>
  (await registrySignals(applicationId)).map((s) => s.kind).sort();

describe(`registry signals (${engine})`, () => {
  let renamed: string;
  let closed: string;
  let small: string;

  it('compares nothing before an extract, then the files that applied when the first one lands', async () => {
    renamed = await apply('1111111111', 'Boutique Zoé Plus inc.');
    expect(await kindsOf(renamed)).toEqual([]);
    await importExtract(h, admin, syntheticExtract());
    expect(await kindsOf(renamed)).toEqual(['registry_name']);
    const [fr] = await registrySignals(renamed);
    expect(fr!.explanation).toBe(
      'Le nom déclaré « Boutique Zoé Plus inc. » ne correspond à aucun nom que le Registraire des entreprises donne au NEQ 1111111111 (« Boutique Zoé inc. »).',
    );
    const [en] = await registrySignals(renamed, 'en');
    expect(en!.explanation).toContain(
      'matches none of the names the Registraire des entreprises gives NEQ 1111111111',
    );
  });

  it('takes the registry name however spelled, or another current name, as no mismatch', async () => {
    expect(await kindsOf(await apply('1111111111', 'BOUTIQUE ZOE INC'))).toEqual([]);
    expect(await kindsOf(await apply('1111111111', 'epicerie zoé'))).toEqual([]);
    // A former name (ended before the extract) is no longer the business's name.
    expect(await kindsOf(await apply('1111111111', 'Zoé Alimentation inc.'))).toEqual(['registry_name']);
  });

  it('raises a struck-off business, a bankrupt one and one the extract does not list, in words', async () => {
    closed = await apply('2222222222', 'Quincaillerie Fermée ltée');
    expect(await kindsOf(closed)).toEqual(['struck_off']);
    expect((await registrySignals(closed))[0]!.explanation).toBe(
      "Selon le Registraire des entreprises, l’entreprise au NEQ 2222222222 est radiée (statut : Radiée d'office).",
    );
    const bankrupt = await apply('4444444444', 'Mode en Faillite inc.');
    expect(await kindsOf(bankrupt)).toEqual(['registry_status']);
    expect((await registrySignals(bankrupt, 'en'))[0]!.explanation).toBe(
      'According to the Registraire des entreprises, the business with NEQ 4444444444 is bankrupt.',
    );
    const unlisted = await apply('9876543210', 'Boutique Nouvelle inc.');
    expect(await kindsOf(unlisted)).toEqual(['registry_status']);
    expect((await registrySignals(unlisted))[0]!.explanation).toContain(
      'ne figure pas dans l’extrait du Registraire des entreprises',
    );
    small = await apply('3333333333', 'Atelier Sans Adresse S.E.N.C.');
    expect(await kindsOf(small)).toEqual([]);
  });

  it('recomputes, when a newer extract lands, only the businesses it changed', async () => {
    const entreprise = syntheticFile('Entreprise.csv')
      .replace(/^2222222222,N,2018\/11\/20,QC,4,,RX,/m, '2222222222,N,2018/11/20,QC,4,,IM,')
      .replace(/^3333333333,N,20170102,QC,2,/m, '3333333333,N,20170102,QC,7,');
    const codes = `${syntheticFile('DomaineValeur.csv').trimEnd()}\nCOD_INTVAL_EMPLO_QUE,7,De 51 à 100\n`;
    const untouched = await h.services.database.db
      .select()
      .from(signals)
      .where(eq(signals.kind, 'registry_name'));
    await importExtract(
      h,
      admin,
      syntheticExtract({ 'Entreprise.csv': entreprise, 'DomaineValeur.csv': codes }),
    );

    // Re-registered: the open struck-off signal lapses. Above the program's 50 employees: raised.
    expect(await kindsOf(closed)).toEqual([]);
    expect(await kindsOf(small)).toEqual(['registry_employees']);
    expect((await registrySignals(small))[0]!.explanation).toBe(
      'Selon le Registraire des entreprises, l’entreprise au NEQ 3333333333 compte De 51 à 100 employés au Québec, au-delà de la limite du programme (50).',
    );
    // 1111111111 did not change: its signal stays as it was.
    expect(
      await h.services.database.db.select().from(signals).where(eq(signals.kind, 'registry_name')),
    ).toEqual(untouched);
    expect(await kindsOf(renamed)).toEqual(['registry_name']);
    const audits = await h.services.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'signal'), like(auditEvents.action, 'signal.%')));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['signal.raised', 'signal.lapsed']));
  });
});
