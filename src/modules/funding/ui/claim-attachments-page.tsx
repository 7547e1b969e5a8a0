import { useTranslation } from 'react-i18next';
import { redirect, useActionData, useLoaderData, useSearchParams } from 'react-router';
import { Notice, PageTitle } from '../../../platform/ui/page.tsx';
import { type FormFailure, formAction, pageLoader, safeNext } from '../../../platform/ui/route.server.ts';
import { attachmentHref } from '../domain/attachments.ts';
import { addClaimAttachment } from '../use-cases/add-claim-attachment.ts';
import { listClaimAttachments } from '../use-cases/list-claim-attachments.ts';
import { removeClaimAttachment } from '../use-cases/remove-claim-attachment.ts';
import { ClaimAttachments, claimAttachmentsPath } from './claim-attachments.tsx';

export const loader = pageLoader(async ({ ctx, params }) => {
  const { claim, attachments, invoices, editable } = await listClaimAttachments(ctx, params.claimId!);
  return {
    claimId: claim.id,
    number: claim.number,
    editable,
    invoices: invoices.map((i) => ({ id: i.id, label: `${i.supplierName} — ${i.invoiceNumber}` })),
    attachments: attachments.map((a) => ({ ...a, href: attachmentHref(a) })),
  };
});

/** Adds or removes a file, then goes back (to the claim's page when it sent `returnTo`, else here). */
export const action = formAction(async ({ ctx, params, form, file }) => {
  const claimId = params.claimId!;
  let done: 'added' | 'removed';
  if (form.intent === 'remove') {
    await removeClaimAttachment(ctx, claimId, form.attachmentId ?? '');
    done = 'removed';
  } else {
    await addClaimAttachment(ctx, claimId, { kind: form.kind, invoiceId: form.invoiceId }, file('file'));
    done = 'added';
  }
  const back = form.returnTo ? safeNext(form.returnTo) : claimAttachmentsPath(claimId);
  return redirect(`${back}${back.includes('?') ? '&' : '?'}files=${done}`);
});

/** A claim's receipts on a page of their own: where the upload form lands, with its messages, without JavaScript. */
export default function ClaimAttachmentsPage() {
  const { t } = useTranslation('funding');
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as FormFailure | undefined;
  const [search] = useSearchParams();
  const done = search.get('files');
  const title = t('files.page_title', { number: data.number });
  return (
    <div className="stack">
      <PageTitle title={title}>{title}</PageTitle>
      {done === 'added' || done === 'removed' ? <Notice kind="success">{t(`files.${done}`)}</Notice> : null}
      <ClaimAttachments
        claimId={data.claimId}
        attachments={data.attachments}
        editable={data.editable}
        invoices={data.invoices}
        failure={failure}
      />
    </div>
  );
}
