import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import { countUnreadMessages, threadPath } from '../src/modules/conversations/index.ts';
import type { LocalisedError } from '../src/platform/http/problem.ts';
import { requestScope } from '../src/platform/http/request-scope.ts';
import { type Action, isAllowed } from '../src/wiring/authorize.ts';
import type { Route } from './+types/root';
import './app.css';
import { clearDeviceThenSubmit } from '../src/modules/fieldmode/components.ts';
import { CsrfField } from '../src/platform/ui/forms.tsx';

export async function loader({ context }: Route.LoaderArgs) {
  const { ctx, csrfToken, nonce } = context.get(requestScope);
  const actor = ctx.actor;
  const can = (action: Action) => isAllowed(actor, action);
  // A retailer's unread messages, beside the navigation: the thread of the first file they are in.
  const unread = actor.kind === 'user' && actor.role === 'retailer' ? await countUnreadMessages(ctx) : null;
  const unreadFile = unread ? Object.keys(unread.byFile)[0] : undefined;
  const nav: { to: string; key: string; count?: number }[] = [
    { to: '/', key: 'home' },
    ...(actor.kind === 'anonymous' || can('application.create') ? [{ to: '/apply', key: 'apply' }] : []),
    ...(unread && unreadFile ? [{ to: threadPath(unreadFile), key: 'messages', count: unread.total }] : []),
    ...(can('application.review') ? [{ to: '/review', key: 'review' }] : []),
    // The claims queue is the reviewers' (the retailer finds its claims under its agreement).
    ...(can('claim.list') && actor.kind === 'user' && actor.role !== 'retailer'
      ? [{ to: '/review/claims', key: 'claims' }]
      : []),
    ...(can('signal.read') ? [{ to: '/signals', key: 'signals' }] : []),
    ...(can('partner.referrals') ? [{ to: '/referrals', key: 'referrals' }] : []),
    ...(can('caseload.read') ? [{ to: '/caseload', key: 'caseload' }] : []),
    ...(can('fieldmode.pack') ? [{ to: '/field', key: 'field' }] : []),
    ...(can('assignment.manage') ? [{ to: '/assignments', key: 'assignments' }] : []),
    ...(can('expert.manage') ? [{ to: '/experts', key: 'experts' }] : []),
    ...(can('coaching.oversee') ? [{ to: '/sessions', key: 'follow_up' }] : []),
    ...(can('reminder.configure') ? [{ to: '/admin/program/reminders', key: 'reminders' }] : []),
    ...(can('supplier.read') ? [{ to: '/suppliers', key: 'suppliers' }] : []),
    ...(can('message.read') ? [{ to: '/messages', key: 'messages' }] : []),
    ...(can('workshop.list') ? [{ to: '/workshops', key: 'workshops' }] : []),
    ...(can('program.configure') ? [{ to: '/admin/program', key: 'program' }] : []),
    ...(can('dashboard.read') ? [{ to: '/admin/dashboard', key: 'dashboard' }] : []),
    ...(can('indicators.read') ? [{ to: '/indicators', key: 'indicators' }] : []),
    ...(can('budget.read') ? [{ to: '/admin/budget', key: 'budget' }] : []),
    ...(can('aid_rules.configure') ? [{ to: '/admin/aid-rules', key: 'aid_rules' }] : []),
    // The program's agreements, for those who read every business's money (a retailer has « Mon aide »).
    ...(can('ledger.list') ? [{ to: '/admin/agreements', key: 'agreements' }] : []),
    ...(can('payment_batch.manage') ? [{ to: '/finance/batches', key: 'payment_batches' }] : []),
    ...(can('research_extract.request') ? [{ to: '/research', key: 'research' }] : []),
    ...(can('research_extract.decide') ? [{ to: '/admin/research-extracts', key: 'research_extracts' }] : []),
    ...(can('privacy_queue.read') ? [{ to: '/privacy', key: 'privacy' }] : []),
    ...(can('user.list') ? [{ to: '/admin/users', key: 'users' }] : []),
    ...(can('audit.list') ? [{ to: '/admin/audit', key: 'audit' }] : []),
    ...(can('outbox.read') ? [{ to: '/admin/outbox', key: 'outbox' }] : []),
    ...(can('retention.read') ? [{ to: '/privacy/retention', key: 'retention' }] : []),
    ...(can('registry.import') ? [{ to: '/admin/registry', key: 'registry' }] : []),
    // Staff export lists; a long export runs as a job whose file waits there.
    ...(actor.kind === 'user' && actor.role !== 'retailer' ? [{ to: '/exports', key: 'exports' }] : []),
    ...(actor.kind === 'user' ? [{ to: '/account', key: 'account' }] : []),
  ];
  return {
    locale: ctx.locale,
    csrfToken,
    nonce,
    user: actor.kind === 'user' ? { name: actor.name, role: actor.role } : null,
    nav,
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData('root') as RootData | undefined;
  const { t, i18n } = useTranslation('app');
  const locale = root?.locale ?? (i18n.language === 'en' ? 'en' : 'fr');
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="manifest" href="/manifest.webmanifest" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('shell.skip_to_content')}
        </a>
        <Header root={root} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={root?.nonce} />
        <Scripts nonce={root?.nonce} />
      </body>
    </html>
  );
}

/** The footer of every page: what Virage is, and the pages published for anyone. */
export function SiteFooter() {
  const { t } = useTranslation('app');
  return (
    <footer className="site-footer">
      <p>{t('shell.footer')}</p>
      {/* Published on every page, for anyone (Law 25 s.3.1 and 3.2; the accessibility statement). */}
      <nav aria-label={t('shell.footer_navigation')}>
        <ul className="footer-links">
          <li>
            <a href="/privacy-policy">{t('shell.privacy')}</a>
          </li>
          <li>
            <a href="/accessibility">{t('shell.accessibility')}</a>
          </li>
          <li>
            <a href="/contact">{t('shell.contact')}</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}

function Header({ root }: { root: RootData | undefined }) {
  const { t } = useTranslation('app');
  const location = useLocation();
  const other = root?.locale === 'en' ? 'fr' : 'en';
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href="/" className="site-name">
          Virage
        </a>
        {root ? (
          <nav aria-label={t('shell.main_navigation')}>
            <ul>
              {root.nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {t(`nav.${item.key}`, { count: item.count })}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="header-tools">
          {/* A full page load, so that every text, including the browser's, switches language. */}
          <form method="post" action="/language">
            <CsrfField />
            <input type="hidden" name="locale" value={other} />
            <input type="hidden" name="next" value={location.pathname + location.search} />
            <button type="submit" className="link-button" lang={other}>
              {other === 'en' ? 'English' : 'Français'}
            </button>
          </form>
          {root?.user ? (
            <form method="post" action="/sign-out" onSubmit={clearDeviceThenSubmit}>
              <CsrfField />
              <button type="submit" className="link-button">
                {t('shell.sign_out')}
              </button>
            </form>
          ) : root ? (
            <a href="/sign-in">{t('nav.sign_in')}</a>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export default function App() {
  useFocusOnNavigation();
  return <Outlet />;
}

/**
 * After a client-side navigation to another page, the focus goes to the main content, as after a full
 * page load the reading starts over: otherwise it stays where the activated link or button was, and
 * keyboard and screen-reader users are not told that the page changed.
 */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus();
  }, [pathname]);
}

export function ErrorBoundary() {
  const error = useRouteError();
  const root = useRouteLoaderData('root') as RootData | undefined;
  const { t } = useTranslation('app');
  const problem = isRouteErrorResponse(error) ? (error.data as LocalisedError | string) : undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const title =
    typeof problem === 'object' && problem?.title
      ? problem.title
      : status === 404
        ? t('errors.not_found_title')
        : t('errors.unexpected_title');
  const detail =
    typeof problem === 'object' && problem?.detail
      ? problem.detail
      : status === 404
        ? t('errors.not_found_detail')
        : t('errors.unexpected_detail');
  return (
    <div className="page">
      <title>{`${title} — Virage`}</title>
      <h1>{title}</h1>
      {/* A bare refusal's detail only repeats its title: say why, and whom to ask, instead. */}
      {status === 403 && detail === title ? (
        <>
          <p>
            {root?.user
              ? t('errors.forbidden_why', {
                  name: root.user.name,
                  role: t(`identity:roles.${root.user.role}`),
                })
              : t('errors.forbidden_why_anonymous')}
          </p>
          <p>{t('errors.forbidden_whom')}</p>
        </>
      ) : (
        <p>{detail}</p>
      )}
      <p>
        <a href="/">{t('errors.back_home')}</a>
      </p>
    </div>
  );
}
