import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useFetcher, useLoaderData } from 'react-router';
import {
  Checkbox,
  CheckboxGroup,
  RadioGroup,
  regionOptions,
  TextArea,
} from '../../../platform/ui/choices.tsx';
import {
  ErrorSummary,
  fieldErrors,
  fieldId,
  PostForm,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { PageTitle } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { APPLICATION_STATUSES } from '../../intake/index.ts';
import { programQuery, selectProgram } from '../../programs/index.ts';
import { listWorkshops } from '../../workshops/index.ts';
import { MESSAGE_KINDS, SEGMENT_STAGES } from '../domain/messages.ts';
import { previewAudience } from '../use-cases/preview-audience.ts';
import { sendMessage } from '../use-cases/send-message.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const program = await selectProgram(ctx, new URL(request.url).searchParams.get('program'));
  // Intake's statuses are read here, on the server: its index is not for the browser's bundle.
  const statuses = APPLICATION_STATUSES.filter((s) => s !== 'draft');
  const { items } = await listWorkshops(ctx, { programId: program.id });
  const workshops = items
    .filter((w) => w.status !== 'draft')
    .map((w) => ({
      value: w.id,
      label: `${ctx.locale === 'fr' ? w.titleFr : w.titleEn} — ${w.startsAt.slice(0, 10)}`,
    }));
  return { query: programQuery(program.slug), programId: program.id, statuses, workshops };
});

/** The workshop criterion: workshops ticked ("any" for every one of them), present only if asked. */
function workshopsOf(chosen: string[] | undefined, attended: boolean) {
  if (!chosen && !attended) return undefined;
  const ids = chosen?.filter((id) => id !== 'any');
  return {
    ids: chosen?.includes('any') || !ids?.length ? undefined : ids,
    attended: attended || undefined,
  };
}

/** The form as the use cases take it: each criterion's boxes ticked, subsectors separated by commas. */
function messageOf(form: Record<string, string>, all: (name: string) => string[]) {
  const list = (name: string) => {
    const values = all(`segment.${name}`).filter(Boolean);
    return values.length > 0 ? values : undefined;
  };
  const subsectors = (form['segment.subsectors'] ?? '')
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    programId: form.programId,
    kind: form.kind,
    segment: {
      statuses: list('statuses'),
      regions: list('regions'),
      subsectors: subsectors.length > 0 ? subsectors : undefined,
      stages: list('stages'),
      workshops: workshopsOf(list('workshops'), form['segment.attended'] === 'on'),
    },
    subject: { fr: form['subject.fr'] ?? '', en: form['subject.en'] ?? '' },
    body: { fr: form['body.fr'] ?? '', en: form['body.en'] ?? '' },
  };
}

export const action = formAction(async ({ ctx, form, all }) => {
  const message = messageOf(form, all);
  if (form.intent === 'preview') {
    const { kind, programId, segment } = message;
    return {
      preview: await previewAudience(ctx, { kind, programId, segment }),
      values: form,
      all: allOf(all),
    };
  }
  const sent = await sendMessage(ctx, message);
  return redirect(`/messages/${sent.id}?sent=1`);
});

const allOf = (all: (name: string) => string[]) =>
  Object.fromEntries(
    ['statuses', 'regions', 'stages', 'workshops'].map((n) => [`segment.${n}`, all(`segment.${n}`)]),
  );

/** A field's anchor in the error summary: a segment's list is one group of boxes or one field. */
const hrefFor = (path: string) => `#${fieldId(path.replace(/(\.ids)?\.\d+$/, ''))}`;

/**
 * Writing a message: its kind, the businesses it is for (their number counted as the criteria change,
 * or with the button without JavaScript), then its French and English versions.
 */
export default function ComposeMessage() {
  const { t } = useTranslation('outreach');
  const { t: intake } = useTranslation('intake');
  const { programId, query, statuses, workshops } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && 'error' in result ? result : undefined;
  const previewed = result && 'preview' in result ? result : undefined;
  const errors = fieldErrors(failed?.error);
  const values: Record<string, string> = failed?.values ?? previewed?.values ?? {};
  const lists: Record<string, string[]> = failed?.allValues ?? previewed?.all ?? {};
  const fetcher = useFetcher<typeof action>();
  const area = useRef<HTMLDivElement>(null);
  const live = fetcher.data && 'preview' in fetcher.data ? fetcher.data.preview : previewed?.preview;

  // With JavaScript, the size follows each change of kind or criteria.
  useEffect(() => {
    const element = area.current;
    if (!element) return;
    const count = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (!target.form || (target.name !== 'kind' && !target.name.startsWith('segment.'))) return;
      const data = new FormData(target.form);
      data.set('intent', 'preview');
      fetcher.submit(data, { method: 'post' });
    };
    element.addEventListener('change', count);
    return () => element.removeEventListener('change', count);
  }, [fetcher.submit]);

  const title = t('ui.compose_title');
  return (
    <div>
      <PageTitle title={title}>{title}</PageTitle>
      <p>
        <Link to={`/messages${query}`}>{t('ui.back')}</Link>
      </p>
      <p>{t('ui.compose_intro')}</p>
      <ErrorSummary error={failed?.error} hrefFor={hrefFor} />
      <div ref={area}>
        <PostForm className="stack">
          <input type="hidden" name="programId" value={programId} />
          <RadioGroup
            name="kind"
            label={t('fields.kind')}
            required
            options={MESSAGE_KINDS.map((k) => ({
              value: k,
              label: `${t(`kinds.${k}`)} — ${t(`kind_hints.${k}`)}`,
            }))}
            defaultValue={values.kind ?? 'newsletter'}
            error={errors.kind}
          />
          <fieldset className="card">
            <legend>{t('ui.segment_legend')}</legend>
            <p className="hint">{t('ui.segment_hint')}</p>
            <CheckboxGroup
              name="segment.stages"
              label={t('fields.segment.stages')}
              options={SEGMENT_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
              defaultValues={lists['segment.stages']}
              error={errors['segment.stages.0'] ?? errors['segment.stages']}
            />
            <CheckboxGroup
              name="segment.statuses"
              label={t('fields.segment.statuses')}
              options={statuses.map((s) => ({ value: s, label: intake(`ui.status.${s}`) }))}
              defaultValues={lists['segment.statuses']}
              error={errors['segment.statuses.0'] ?? errors['segment.statuses']}
            />
            <CheckboxGroup
              name="segment.regions"
              label={t('fields.segment.regions')}
              options={regionOptions()}
              defaultValues={lists['segment.regions']}
              error={errors['segment.regions.0'] ?? errors['segment.regions']}
            />
            {workshops.length > 0 ? (
              <>
                <CheckboxGroup
                  name="segment.workshops"
                  label={t('fields.segment.workshops')}
                  hint={t('ui.workshops_hint')}
                  options={[{ value: 'any', label: t('ui.workshops_any') }, ...workshops]}
                  defaultValues={lists['segment.workshops']}
                  error={errors['segment.workshops.ids.0'] ?? errors['segment.workshops']}
                />
                <Checkbox
                  name="segment.attended"
                  label={t('fields.segment.attended')}
                  defaultChecked={values['segment.attended'] === 'on'}
                />
              </>
            ) : null}
            <TextField
              name="segment.subsectors"
              label={t('fields.segment.subsectors')}
              hint={t('ui.subsectors_hint')}
              defaultValue={values['segment.subsectors']}
              error={errors['segment.subsectors.0'] ?? errors['segment.subsectors']}
            />
            {/* Always in the page, so that screen readers announce the size when it appears. */}
            <div role="status" aria-live="polite" className={live ? 'notice notice-info' : undefined}>
              {live ? (
                <p>
                  {live.withoutConsent > 0
                    ? t('ui.size_excluded', { count: live.recipients, excluded: live.withoutConsent })
                    : t('ui.size', { count: live.recipients })}
                </p>
              ) : null}
            </div>
            <SubmitButton name="intent" value="preview" variant="secondary">
              {t('ui.preview')}
            </SubmitButton>
          </fieldset>
          <TextField
            name="subject.fr"
            label={t('fields.subject.fr')}
            required
            defaultValue={values['subject.fr']}
            error={errors['subject.fr']}
          />
          <TextArea
            name="body.fr"
            label={t('fields.body.fr')}
            required
            rows={8}
            defaultValue={values['body.fr']}
            error={errors['body.fr']}
          />
          <TextField
            name="subject.en"
            label={t('fields.subject.en')}
            required
            defaultValue={values['subject.en']}
            error={errors['subject.en']}
          />
          <TextArea
            name="body.en"
            label={t('fields.body.en')}
            required
            rows={8}
            defaultValue={values['body.en']}
            error={errors['body.en']}
          />
          <SubmitButton name="intent" value="send">
            {t('ui.send')}
          </SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
