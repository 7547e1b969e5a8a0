import { useTranslation } from 'react-i18next';
import { Link, redirect, useActionData, useLoaderData } from 'react-router';
import { formatNumber } from '../../../kernel/format.ts';
import { TextArea } from '../../../platform/ui/choices.tsx';
import { formNumber } from '../../../platform/ui/form-numbers.ts';
import {
  ErrorSummary,
  fieldErrors,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
} from '../../../platform/ui/forms.tsx';
import { Notice, PageTitle, TableWrap } from '../../../platform/ui/page.tsx';
import { formAction, pageLoader } from '../../../platform/ui/route.server.ts';
import { createProgram } from '../use-cases/create-program.ts';
import { listProgramsToManage } from '../use-cases/list-programs-to-manage.ts';

export const loader = pageLoader(async ({ ctx, request }) => {
  const programs = await listProgramsToManage(ctx);
  return {
    created: new URL(request.url).searchParams.get('created'),
    programs: programs.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: ctx.locale === 'fr' ? p.nameFr : p.nameEn,
      target: formatNumber(p.targetRetailers, ctx.locale),
    })),
  };
});

export const action = formAction(async ({ ctx, form }) => {
  const created = await createProgram(ctx, {
    nameFr: form.nameFr,
    nameEn: form.nameEn,
    slug: form.slug,
    targetRetailers: formNumber(form.targetRetailers),
    // Left empty on a copy: the source's descriptions are kept.
    ...(form.descriptionFr ? { descriptionFr: form.descriptionFr } : {}),
    ...(form.descriptionEn ? { descriptionEn: form.descriptionEn } : {}),
    ...(form.copyFrom ? { copyFrom: form.copyFrom } : {}),
  });
  return redirect(`/admin/programs?created=${created.slug}`);
});

/** Every program, with where to configure and follow each; a new program, blank or copied from another. */
export default function Programs() {
  const { t } = useTranslation('programs');
  const { programs, created } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result?.error);
  const v = (name: string) => result?.values[name] ?? '';
  const q = (slug: string) => `?program=${encodeURIComponent(slug)}`;
  return (
    <div>
      <PageTitle title={t('admin.title')}>{t('admin.title')}</PageTitle>
      {created ? (
        <Notice kind="success">
          <p>{t('admin.created', { slug: created })}</p>
        </Notice>
      ) : null}
      <TableWrap label={t('admin.title')}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t('admin.name')}</th>
              <th scope="col">{t('fields.slug')}</th>
              <th scope="col">{t('fields.targetRetailers')}</th>
              <th scope="col">{t('admin.links')}</th>
            </tr>
          </thead>
          <tbody>
            {programs.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  <Link to={`/programs/${p.slug}`}>{p.name}</Link>
                </th>
                <td>
                  <code>{p.slug}</code>
                </td>
                <td>{p.target}</td>
                <td>
                  <ul className="bullets">
                    <li>
                      <Link to={`/admin/program${q(p.slug)}`}>
                        {t('admin.settings_of', { name: p.name })}
                      </Link>
                    </li>
                    <li>
                      <Link to={`/admin/program/eligibility${q(p.slug)}`}>
                        {t('admin.criteria_of', { name: p.name })}
                      </Link>
                    </li>
                    <li>
                      <Link to={`/review${q(p.slug)}`}>{t('admin.review_of', { name: p.name })}</Link>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2 id="new-program">{t('admin.new_title')}</h2>
      <p>{t('admin.new_intro')}</p>
      <ErrorSummary error={result?.error} />
      {/* A new key once a program is created: the form starts blank again for the next one. */}
      <PostForm key={created ?? ''} className="stack" aria-labelledby="new-program">
        <SelectField
          name="copyFrom"
          label={t('fields.copyFrom')}
          hint={t('admin.copy_hint')}
          options={[
            { value: '', label: t('admin.no_copy') },
            ...programs.map((p) => ({ value: p.id, label: p.name })),
          ]}
          defaultValue={v('copyFrom')}
          error={errors.copyFrom}
        />
        <TextField
          name="nameFr"
          label={t('fields.nameFr')}
          required
          defaultValue={v('nameFr')}
          error={errors.nameFr}
        />
        <TextField
          name="nameEn"
          label={t('fields.nameEn')}
          required
          defaultValue={v('nameEn')}
          error={errors.nameEn}
        />
        <TextField
          name="slug"
          label={t('fields.slug')}
          hint={t('admin.slug_hint')}
          required
          defaultValue={v('slug')}
          error={errors.slug}
        />
        <TextField
          name="targetRetailers"
          label={t('fields.targetRetailers')}
          hint={t('settings.target_hint')}
          required
          inputMode="numeric"
          defaultValue={v('targetRetailers')}
          error={errors.targetRetailers}
        />
        <TextArea
          name="descriptionFr"
          label={t('fields.descriptionFr')}
          hint={t('admin.description_hint')}
          defaultValue={v('descriptionFr')}
          error={errors.descriptionFr}
        />
        <TextArea
          name="descriptionEn"
          label={t('fields.descriptionEn')}
          hint={t('admin.description_hint')}
          defaultValue={v('descriptionEn')}
          error={errors.descriptionEn}
        />
        <SubmitButton>{t('admin.create')}</SubmitButton>
      </PostForm>
    </div>
  );
}
