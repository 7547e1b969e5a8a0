import { useTranslation } from 'react-i18next';
import { Link, useActionData, useLoaderData } from 'react-router';
import { formatDateTime } from '../../../kernel/format.ts';
import { allowedBy } from '../../../platform/authorization.ts';
import { CheckboxGroup, RadioGroup } from '../../../platform/ui/choices.tsx';
import {
  dollarsForInput,
  formNumber,
  percentForInput,
  readDollars,
  readPercent,
} from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader, withFieldNames } from '../../../platform/ui/route.server.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { COSTS_FROM } from '../domain/aid-rules.ts';
import { COST_CATEGORIES } from '../domain/cost-categories.ts';
import { fundingPolicies } from '../domain/policies.ts';
import { TAX_POLICIES } from '../domain/taxes.ts';
import { getAidRules } from '../use-cases/get-aid-rules.ts';
import { setAidRules } from '../use-cases/set-aid-rules.ts';

const AID_KINDS = ['none', 'percentage', 'fixed'] as const;
/** The schema allows five levels; the form shows those set and room for one more. */
const MAX_LEVELS = 5;

const programOf = (ctx: Parameters<typeof selectProgram>[0], request: Request) =>
  selectProgram(ctx, new URL(request.url).searchParams.get('program'));

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await programOf(ctx, request);
  const current = await getAidRules(ctx, program.id);
  const r = current.rules;
  const dollars = (cents: number | null) => (cents === null ? '' : dollarsForInput(cents, ctx.locale));
  return {
    canConfigure: allowedBy(fundingPolicies)(ctx.actor, 'aid_rules.configure'),
    query: programQuery(program.slug),
    programName: ctx.locale === 'fr' ? program.nameFr : program.nameEn,
    version: current.version,
    savedAt: current.createdAt ? formatDateTime(current.createdAt, ctx.locale) : null,
    // The form's values, as an administrator types them: percentages, dollars, days.
    values: {
      kind: r.kind,
      rate: r.kind === 'percentage' ? percentForInput(r.rateBasisPoints, ctx.locale) : '',
      amount: r.kind === 'fixed' ? dollars(r.amountCents) : '',
      cap: dollars(r.capPerBusinessCents),
      stackingLimit:
        r.stackingLimitBasisPoints === null ? '' : percentForInput(r.stackingLimitBasisPoints, ctx.locale),
      costsFrom: r.costsFrom,
      startsOn: r.projectWindow.startsOn,
      endsOn: r.projectWindow.endsOn,
      claimDeadline: r.claimDeadline,
      minimumUseDays: String(r.minimumUseDays),
      taxPolicy: r.taxPolicy,
      ...Object.fromEntries(
        r.approvalLevels.flatMap((level, i) => [
          [`approvalLevels.${i}.above`, dollars(level.aboveCents)],
          [`approvalLevels.${i}.approvers`, String(level.financeApprovers)],
        ]),
      ),
    } as Record<string, string>,
    eligibleCategories: r.eligibleCategories as string[],
    ineligibleCategories: r.ineligibleCategories as string[],
    levels: r.approvalLevels.length,
  };
});

export const action = formAction(async ({ ctx, form, all, request }) => {
  const program = await programOf(ctx, request);
  const kind = form.kind ?? '';
  // Rows left blank are not levels; each kept row keeps its input's name in the errors.
  const levels = Array.from({ length: MAX_LEVELS }, (_, i) => ({
    i,
    above: form[`approvalLevels.${i}.above`]?.trim() ?? '',
    approvers: form[`approvalLevels.${i}.approvers`]?.trim() ?? '',
  })).filter((l) => l.above || l.approvers);
  const names: Record<string, string> = {
    rateBasisPoints: 'rate',
    amountCents: 'amount',
    capPerBusinessCents: 'cap',
    stackingLimitBasisPoints: 'stackingLimit',
    'projectWindow.startsOn': 'startsOn',
    'projectWindow.endsOn': 'endsOn',
    projectWindow: 'startsOn',
    ...Object.fromEntries(
      COST_CATEGORIES.flatMap((_, i) => [
        [`eligibleCategories.${i}`, 'eligibleCategories'],
        [`ineligibleCategories.${i}`, 'ineligibleCategories'],
      ]),
    ),
    ...Object.fromEntries(
      levels.flatMap((l, n) => [
        [`approvalLevels.${n}`, `approvalLevels.${l.i}.above`],
        [`approvalLevels.${n}.aboveCents`, `approvalLevels.${l.i}.above`],
        [`approvalLevels.${n}.financeApprovers`, `approvalLevels.${l.i}.approvers`],
      ]),
    ),
  };
  const saved = await withFieldNames(names, () =>
    setAidRules(ctx, program.id, {
      kind,
      ...(kind === 'percentage' ? { rateBasisPoints: readPercent(form.rate) } : {}),
      ...(kind === 'fixed' ? { amountCents: readDollars(form.amount) } : {}),
      capPerBusinessCents: readDollars(form.cap) ?? null,
      stackingLimitBasisPoints: readPercent(form.stackingLimit) ?? null,
      eligibleCategories: all('eligibleCategories'),
      ineligibleCategories: all('ineligibleCategories'),
      costsFrom: form.costsFrom,
      projectWindow: { startsOn: form.startsOn, endsOn: form.endsOn },
      claimDeadline: form.claimDeadline,
      minimumUseDays: formNumber(form.minimumUseDays),
      taxPolicy: form.taxPolicy,
      approvalLevels: levels.map((l) => ({
        aboveCents: readDollars(l.above),
        financeApprovers: formNumber(l.approvers),
      })),
    }),
  );
  return { version: saved.version };
});

/** A program's aid rules, every field, for administrators; each save is a new version agreements keep. */
export default function AidRulesPage() {
  const { t } = useTranslation('funding');
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  // A failed form shows what was typed; otherwise the rules in force.
  const v = (name: string) => (failed ? (failed.values[name] ?? '') : (data.values[name] ?? ''));
  const checked = (name: 'eligibleCategories' | 'ineligibleCategories') =>
    failed ? (failed.allValues[name] ?? []) : data[name];
  const categories = COST_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }));
  const levelRows = Math.min(MAX_LEVELS, data.levels + 1);
  return (
    <div>
      <PageTitle title={t('agreements.pages.rules.title')}>{t('agreements.pages.rules.title')}</PageTitle>
      <p>
        {data.version === 0
          ? t('agreements.pages.rules.defaults', { program: data.programName })
          : t('agreements.pages.rules.current', {
              program: data.programName,
              version: data.version,
              date: data.savedAt ?? '—',
            })}{' '}
        <Link to={`/admin/audit?action=aid_rules.set`}>{t('agreements.pages.rules.who')}</Link>
      </p>
      <p>{t('agreements.pages.rules.intro')}</p>
      <ErrorSummary error={failed?.error} />
      {result && 'version' in result ? (
        <Notice kind="success">
          <p>{t('agreements.pages.rules.saved', { version: result.version })}</p>
        </Notice>
      ) : null}
      <PostForm className="stack">
        <fieldset>
          <legend>{t('agreements.pages.rules.amount_legend')}</legend>
          <RadioGroup
            name="kind"
            label={t('agreements.pages.rules.kind')}
            required
            options={AID_KINDS.map((k) => ({ value: k, label: t(`aidKinds.${k}`) }))}
            defaultValue={v('kind')}
            error={errors.kind}
          />
          <TextField
            name="rate"
            label={t('agreements.pages.rules.rate')}
            hint={t('agreements.pages.rules.rate_hint')}
            inputMode="decimal"
            defaultValue={v('rate')}
            error={errors.rate}
          />
          <TextField
            name="amount"
            label={t('agreements.pages.rules.amount')}
            hint={t('agreements.pages.rules.amount_hint')}
            inputMode="decimal"
            defaultValue={v('amount')}
            error={errors.amount}
          />
          <TextField
            name="cap"
            label={t('agreements.pages.rules.cap')}
            hint={t('agreements.pages.rules.cap_hint')}
            inputMode="decimal"
            defaultValue={v('cap')}
            error={errors.cap}
          />
          <TextField
            name="stackingLimit"
            label={t('agreements.pages.rules.stacking')}
            hint={t('agreements.pages.rules.stacking_hint')}
            inputMode="decimal"
            defaultValue={v('stackingLimit')}
            error={errors.stackingLimit}
          />
        </fieldset>
        <div className="choice-grid">
          <CheckboxGroup
            name="eligibleCategories"
            label={t('fields.eligibleCategories')}
            required
            options={categories}
            defaultValues={checked('eligibleCategories')}
            error={errors.eligibleCategories}
          />
        </div>
        <div className="choice-grid">
          <CheckboxGroup
            name="ineligibleCategories"
            label={t('fields.ineligibleCategories')}
            hint={t('agreements.pages.rules.ineligible_hint')}
            options={categories}
            defaultValues={checked('ineligibleCategories')}
            error={errors.ineligibleCategories}
          />
        </div>
        <fieldset>
          <legend>{t('agreements.pages.rules.dates_legend')}</legend>
          <SelectField
            name="costsFrom"
            label={t('fields.costsFrom')}
            required
            options={COSTS_FROM.map((c) => ({ value: c, label: t(`agreements.pages.costs_from.${c}`) }))}
            defaultValue={v('costsFrom')}
            error={errors.costsFrom}
          />
          <TextField
            name="startsOn"
            type="date"
            label={t('fields.startsOn')}
            hint={t('agreements.pages.date_hint')}
            required
            defaultValue={v('startsOn')}
            error={errors.startsOn}
          />
          <TextField
            name="endsOn"
            type="date"
            label={t('fields.endsOn')}
            hint={t('agreements.pages.date_hint')}
            required
            defaultValue={v('endsOn')}
            error={errors.endsOn}
          />
          <TextField
            name="claimDeadline"
            type="date"
            label={t('fields.claimDeadline')}
            hint={t('agreements.pages.date_hint')}
            required
            defaultValue={v('claimDeadline')}
            error={errors.claimDeadline}
          />
          <TextField
            name="minimumUseDays"
            label={t('fields.minimumUseDays')}
            hint={t('agreements.pages.rules.minimum_use_hint')}
            required
            inputMode="numeric"
            defaultValue={v('minimumUseDays')}
            error={errors.minimumUseDays}
          />
        </fieldset>
        <SelectField
          name="taxPolicy"
          label={t('fields.taxPolicy')}
          required
          options={TAX_POLICIES.map((p) => ({ value: p, label: t(`taxPolicies.${p}`) }))}
          defaultValue={v('taxPolicy')}
          error={errors.taxPolicy}
        />
        <fieldset>
          <legend>{t('fields.approvalLevels')}</legend>
          <p className="hint">{t('agreements.pages.rules.levels_hint')}</p>
          {Array.from({ length: levelRows }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, as their input names are.
            <div key={i} className="filters">
              <TextField
                name={`approvalLevels.${i}.above`}
                label={t('agreements.pages.rules.level_above', { n: i + 1 })}
                inputMode="decimal"
                defaultValue={v(`approvalLevels.${i}.above`)}
                error={errors[`approvalLevels.${i}.above`]}
              />
              <TextField
                name={`approvalLevels.${i}.approvers`}
                label={t('agreements.pages.rules.level_approvers', { n: i + 1 })}
                inputMode="numeric"
                defaultValue={v(`approvalLevels.${i}.approvers`)}
                error={errors[`approvalLevels.${i}.approvers`]}
              />
            </div>
          ))}
        </fieldset>
        {data.canConfigure ? (
          <SubmitButton>{t('agreements.pages.rules.save')}</SubmitButton>
        ) : (
          <Notice>
            <p>{t('agreements.pages.rules.read_only')}</p>
          </Notice>
        )}
      </PostForm>
    </div>
  );
}
