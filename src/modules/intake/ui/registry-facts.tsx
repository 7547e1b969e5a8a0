import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../kernel/locale.ts';
import { DataTable } from '../../../platform/ui/data-table.tsx';
import { Notice } from '../../../platform/ui/page.tsx';
import { type RegistryFacts as Facts, OTHER_ESTABLISHMENT } from '../domain/registry-check.ts';
import type { getRegistryCheck } from '../use-cases/get-registry-check.ts';
import { naicsLabel } from './options.ts';

type Check = NonNullable<Awaited<ReturnType<typeof getRegistryCheck>>>;
type Coded = { code: string; label: string | null } | null;

/** An establishment as the registry gives it: its name, its address (or that it is not shown), main or not. */
export function establishmentLabel(s: Facts['establishments'][number], t: TFunction<'intake'>) {
  const said = [s.name, s.address ? s.address.join(', ') : t('ui.registry.not_displayable')]
    .filter(Boolean)
    .join(' — ');
  return s.main ? `${said} (${t('ui.registry.main_store')})` : said;
}

/** The establishment the applicant chose: the registry's, « other », or not yet chosen. */
function chosenEstablishment(check: Check, t: TFunction<'intake'>) {
  if (check.establishment === OTHER_ESTABLISHMENT) return t('ui.registry.establishment_other');
  const chosen = check.facts?.establishments.find((s) => s.number && s.number === check.establishment);
  return chosen ? establishmentLabel(chosen, t) : t('ui.registry.establishment_not_chosen');
}

/** What the registry said of the NEQ, « selon le Registraire des entreprises, extrait du … ». */
export function RegistryFacts({ check }: { check: Check }) {
  const { t } = useTranslation('intake');
  const date = check.extractDate ?? '—';
  if (check.stale)
    return (
      <Notice kind="warning">
        <p>{t('ui.registry.stale')}</p>
      </Notice>
    );
  const f = check.facts;
  if (!f)
    return (
      <Notice kind="warning">
        <p>{t('ui.registry.not_listed', { neq: check.neq, date })}</p>
      </Notice>
    );
  const coded = (c: Coded) =>
    c ? (c.label ? `${c.label} (${c.code})` : t('ui.registry.unknown_code', { code: c.code })) : '—';
  return (
    <section aria-labelledby="registry-facts" id="registry" className="stack">
      <h2 id="registry-facts">{t('ui.registry.title', { date })}</h2>
      {f.statusKind === 'struck_off' ? (
        <Notice kind="warning">
          <p>{t('ui.registry.struck_off')}</p>
        </Notice>
      ) : null}
      {f.bankrupt ? (
        <Notice kind="warning">
          <p>{t('ui.registry.bankrupt')}</p>
        </Notice>
      ) : null}
      <dl>
        <dt>{t('ui.registry.legal_name')}</dt>
        <dd>{f.legalName ?? '—'}</dd>
        {f.otherNames.length > 0 ? (
          <>
            <dt>{t('ui.registry.other_names')}</dt>
            <dd>{f.otherNames.join(' · ')}</dd>
          </>
        ) : null}
        <dt>{t('ui.registry.status')}</dt>
        <dd>{coded(f.status)}</dd>
        <dt>{t('ui.registry.legal_form')}</dt>
        <dd>{coded(f.legalForm)}</dd>
        <dt>{t('ui.registry.registered_on')}</dt>
        <dd>{f.registeredOn ?? '—'}</dd>
        <dt>{t('ui.registry.employee_band')}</dt>
        <dd>{coded(f.employeeBand)}</dd>
        <dt>{t('ui.registry.activities')}</dt>
        <dd>{f.activities.map((a) => coded({ code: a.cae, label: a.label })).join(' · ') || '—'}</dd>
        <dt>{t('ui.registry.address')}</dt>
        <dd>{f.domicileAddress ? f.domicileAddress.join(', ') : t('ui.registry.not_displayable')}</dd>
        {f.establishments.length > 0 ? (
          <>
            <dt>{t('ui.registry.stores')}</dt>
            <dd>
              <ul>
                {f.establishments.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: checks kept before numbers were copied have none
                  <li key={i}>{establishmentLabel(s, t)}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('ui.registry.establishment')}</dt>
            <dd>{chosenEstablishment(check, t)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

/** Per prefilled field, the registry's value beside the applicant's, corrections marked. */
export function RegistryComparison({ check, locale }: { check: Check; locale: Locale }) {
  const { t } = useTranslation('intake');
  if (check.stale || check.comparison.length === 0) return null;
  const shown = (field: string, value: string | null) =>
    value === null ? '—' : field === 'naics' ? naicsLabel(value, locale) : value;
  return (
    <DataTable
      caption={t('ui.registry.comparison')}
      showCaption
      columns={[t('ui.registry.field'), t('ui.registry.registry_value'), t('ui.registry.declared_value'), '']}
    >
      {check.comparison.map((c) => (
        <tr key={c.field}>
          <th scope="row">{t(`fields.business.${c.field}`)}</th>
          <td>{shown(c.field, c.registry)}</td>
          <td>{shown(c.field, c.declared)}</td>
          <td>{c.corrected ? <strong>{t('ui.registry.corrected')}</strong> : t('ui.registry.confirmed')}</td>
        </tr>
      ))}
    </DataTable>
  );
}
