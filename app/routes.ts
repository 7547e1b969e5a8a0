import { index, type RouteConfig, route } from '@react-router/dev/routes';

// Each module owns its pages; this is where they get their address.
const identity = (file: string) => `../src/modules/identity/ui/${file}`;
const administration = (file: string) => `../src/modules/administration/ui/${file}`;

export default [
  index('../src/modules/programs/ui/home.tsx'),
  route('sign-in', identity('sign-in.tsx')),
  route('sign-in/verify', identity('verify-second-factor.tsx')),
  route('sign-out', identity('sign-out.tsx')),
  route('password/forgot', identity('forgot-password.tsx')),
  route('password/reset/:token', identity('reset-password.tsx')),
  route('invitations/:token', identity('accept-invitation.tsx')),
  route('language', identity('language.tsx')),
  route('account', identity('account.tsx')),
  route('account/two-factor', identity('two-factor.tsx')),
  route('admin/users', identity('users.tsx')),
  route('admin/audit', administration('audit-log.tsx')),
  route('admin/outbox', administration('outbox.tsx')),
  route('admin/outbox/:id', administration('outbox-message.tsx')),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
