import { index, type RouteConfig, route } from '@react-router/dev/routes';

// Each module owns its pages; this is where they get their address.
const identity = (file: string) => `../src/modules/identity/ui/${file}`;
const intake = (file: string) => `../src/modules/intake/ui/${file}`;
const diagnostic = (file: string) => `../src/modules/diagnostic/ui/${file}`;
const administration = (file: string) => `../src/modules/administration/ui/${file}`;
const coaching = (file: string) => `../src/modules/coaching/ui/${file}`;
const experts = (file: string) => `../src/modules/experts/ui/${file}`;

/** A list's exports, `<page>/export.csv` and `.xlsx`: one resource route, the format in the extension. */
const exportsOf = (page: string, file: string) =>
  (['csv', 'xlsx'] as const).map((format) =>
    route(`${page}/export.${format}`, file, { id: `${page}-export-${format}` }),
  );

export default [
  index('routes/home.tsx'),
  route('programs/:slug', 'routes/program.tsx'),
  route('sign-in', identity('sign-in.tsx')),
  route('sign-in/verify', identity('verify-second-factor.tsx')),
  route('sign-out', identity('sign-out.tsx')),
  route('register', identity('register.tsx')),
  route('password/forgot', identity('forgot-password.tsx')),
  route('password/reset/:token', identity('reset-password.tsx')),
  route('invitations/:token', identity('accept-invitation.tsx')),
  route('language', identity('language.tsx')),
  route('account', identity('account.tsx')),
  route('account/two-factor', identity('two-factor.tsx')),
  route('account/verify/:token', identity('verify-email.tsx')),
  route('eligibility', intake('eligibility-check.tsx')),
  route('apply', intake('apply.tsx')),
  route('applications/:id', intake('application-status.tsx')),
  route('applications/:id/steps/:step', intake('application-step.tsx')),
  route('applications/:id/diagnostics', diagnostic('application-diagnostics.tsx')),
  route('diagnostics/:id', diagnostic('take.tsx')),
  route('diagnostics/:id/results', diagnostic('results.tsx')),
  route('experts', experts('experts.tsx')),
  ...exportsOf('experts', experts('experts-export.ts')),
  route('experts/:id', experts('expert.tsx')),
  route('assignments', experts('assignments.tsx')),
  route('caseload', coaching('caseload.tsx')),
  route('caseload/:id', coaching('coaching-file.tsx')),
  route('applications/:id/plan', coaching('plan.tsx')),
  route('applications/:id/close', coaching('close-file.tsx')),
  route('applications/:id/reopen', coaching('reopen-file.tsx')),
  route('suppliers', coaching('suppliers.tsx')),
  ...exportsOf('suppliers', coaching('suppliers-export.ts')),
  route('suppliers/new', coaching('supplier-new.tsx')),
  route('suppliers/:id', coaching('supplier-edit.tsx')),
  route('surveys/:id', coaching('survey.tsx')),
  route('sessions', coaching('program-sessions.tsx')),
  ...exportsOf('sessions', coaching('program-sessions-export.ts')),
  route('plans', coaching('program-plans.tsx')),
  ...exportsOf('plans', coaching('program-plans-export.ts')),
  route('surveys', coaching('program-surveys.tsx')),
  ...exportsOf('surveys', coaching('program-surveys-export.ts')),
  route('review', intake('review-queue.tsx')),
  ...exportsOf('review', intake('review-export.ts')),
  route('review/applications/:id', intake('review-application.tsx')),
  route('review/import', intake('import.tsx')),
  route('partners', intake('partners.tsx')),
  route('referrals', intake('referrals.tsx')),
  route('exports', '../src/modules/reporting/ui/my-exports.tsx'),
  route('exports/:id/file', '../src/modules/reporting/ui/export-file.ts'),
  route('admin/programs', '../src/modules/programs/ui/programs.tsx'),
  route('admin/program', '../src/modules/programs/ui/settings.tsx'),
  route('admin/program/eligibility', intake('criteria.tsx')),
  route('admin/program/consents', intake('consent-texts.tsx')),
  route('admin/diagnostic', diagnostic('admin-questionnaires.tsx')),
  route('admin/diagnostic/questionnaires/:id', diagnostic('admin-questionnaire-preview.tsx')),
  route('admin/diagnostic/questionnaires/:id/edit', diagnostic('admin-questionnaire-form.tsx')),
  route('admin/diagnostic/questionnaires/:id/json', diagnostic('admin-questionnaire-json.tsx')),
  route('admin/diagnostic/recommendations', diagnostic('admin-recommendations.tsx')),
  route('admin/diagnostic/recommendations/:id', diagnostic('admin-recommendation.tsx')),
  route('admin/budget', '../src/modules/funding/ui/budget.tsx'),
  route('admin/users', identity('users.tsx')),
  route('admin/audit', administration('audit-log.tsx')),
  route('admin/outbox', administration('outbox.tsx')),
  route('admin/outbox/:id', administration('outbox-message.tsx')),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
