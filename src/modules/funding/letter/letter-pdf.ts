import { formatDate, formatMoney, formatNumber } from '../../../kernel/format.ts';
import type { Locale } from '../../../kernel/locale.ts';
import type { Translate } from '../../../platform/i18n/i18n.ts';
import { taggedPdf } from '../../../platform/pdf/tagged-pdf.ts';
import type { AgreementView } from '../use-cases/agreement-view.ts';

/**
 * The letter of offer, in the retailer's language: the program and the business, the budget lines,
 * the grant with its arithmetic, the conditions of the rules version it was made under (window,
 * deadline, eligible categories, tax policy, minimum use) and the acceptance deadline.
 */
export function renderLetterPdf(a: AgreementView, t: Translate, locale: Locale, now: Date): Promise<Buffer> {
  const money = (cents: number) => formatMoney(cents, locale, true);
  const title = t('funding:agreements.letter.title', { program: a.programName });
  const { width, heading, paragraph, table, finish } = taggedPdf({
    title,
    subject: t('funding:agreements.letter.subject', { business: a.businessName }),
    keywords: 'lettre d’offre, letter of offer, subvention, grant',
    locale,
  });
  heading(title, 'H1', 18);
  paragraph(
    [
      a.businessName,
      t('funding:agreements.letter.fiscal_year', { year: a.fiscalYear }),
      t('funding:agreements.letter.printed_on', { date: formatDate(now) }),
    ].join(' · '),
    { muted: true, size: 9.5 },
  );
  paragraph(t('funding:agreements.letter.intro', { business: a.businessName, program: a.programName }));
  paragraph(t('funding:agreements.letter.grant', { grant: money(a.grantCents) }));

  heading(t('funding:agreements.letter.lines_title'), 'H2', 13);
  table({
    columnStyles: [width * 0.3, width * 0.45, width * 0.25],
    defaultStyle: { padding: 4, border: 0.5, borderColor: '#9a9a9a', fontSize: 9.5 },
    data: [
      [
        { text: t('funding:fields.category'), type: 'TH', font: { src: 'bold' } },
        { text: t('funding:fields.description'), type: 'TH', font: { src: 'bold' } },
        { text: t('funding:fields.amountCents'), type: 'TH', font: { src: 'bold' } },
      ],
      ...a.lines.map((l) => [
        { text: t(`funding:categories.${l.category}`), type: 'TH' as const },
        [l.description, l.plannedSupplier, l.quotation].filter(Boolean).join(' · '),
        money(l.amountCents),
      ]),
    ],
  });

  heading(t('funding:agreements.letter.arithmetic_title'), 'H2', 13);
  for (const step of a.arithmetic) paragraph(step);
  if (a.otherPublicAidCents > 0)
    paragraph(t('funding:agreements.letter.other_aid', { amount: money(a.otherPublicAidCents) }), {
      muted: true,
    });

  const r = a.rules;
  heading(t('funding:agreements.letter.conditions_title', { version: a.rulesVersion }), 'H2', 13);
  paragraph(
    t('funding:agreements.letter.window', { from: r.projectWindow.startsOn, to: r.projectWindow.endsOn }),
  );
  paragraph(t('funding:agreements.letter.claim_deadline', { date: r.claimDeadline }));
  paragraph(
    t('funding:agreements.letter.categories', {
      categories: r.eligibleCategories.map((c) => t(`funding:categories.${c}`)).join(', '),
    }),
  );
  paragraph(
    t(
      r.costsFrom === 'offer'
        ? 'funding:agreements.letter.costs_from_offer'
        : 'funding:agreements.letter.costs_from_acceptance',
    ),
  );
  paragraph(t('funding:agreements.letter.tax_policy', { policy: t(`funding:taxPolicies.${r.taxPolicy}`) }));
  paragraph(t('funding:agreements.letter.minimum_use', { days: formatNumber(r.minimumUseDays, locale) }));

  heading(t('funding:agreements.letter.acceptance_title'), 'H2', 13);
  paragraph(
    a.acceptedAt
      ? t('funding:agreements.letter.accepted', {
          name: a.acceptedName ?? '',
          date: formatDate(a.acceptedAt),
        })
      : t('funding:agreements.letter.accept_by', { date: a.acceptBy ?? '' }),
  );
  return finish();
}
