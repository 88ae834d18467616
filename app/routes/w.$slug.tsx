import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, NavLink, Outlet, useLoaderData, useLocation } from '@remix-run/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveUpdates, useLiveData } from '~/lib/live';
import type { WorkspaceData } from '~/lib/workspace';
import { requireMember } from '~/server/access.server';
import { unreadNotificationCount, UNREAD_CAP } from '~/server/comments.server';
import { listWorkspacesForUser } from '~/server/workspaces.server';
import { BellIcon, Logo } from '~/components/ui/icons';

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workspace.name} · Parcours` : 'Parcours' }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, workspace, role } = await requireMember(request, params.slug);
  const [workspaces, unread] = await Promise.all([listWorkspacesForUser(user.id), unreadNotificationCount(workspace.id, user.id)]);
  return {
    workspace: {
      id: workspace.id,
      name: workspace.name,
      slug: workspace.slug,
      currency: workspace.currency,
      locale: workspace.locale,
      timeZone: workspace.timeZone,
    },
    role,
    user: { id: user.id, displayName: user.displayName, email: user.email },
    workspaces,
    notifications: { unread, cap: UNREAD_CAP },
  } satisfies WorkspaceData;
}

const NAV = [
  'home',
  'maps',
  'personas',
  'measures',
  'indicators',
  'dashboards',
  'objectives',
  'projects',
  'summary',
  'priorities',
  'activity',
  'settings',
] as const;

export default function WorkspaceLayout() {
  const { workspace, role, user, workspaces, notifications } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/w/${workspace.slug}`;
  const unreadShown = notifications.unread >= notifications.cap ? `${notifications.cap - 1}+` : String(notifications.unread);
  // On a narrow screen the navigation hides behind a menu button; it closes after each navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);
  // Opened before the scripts ran (the #site-menu link): the toggle takes over, open.
  useEffect(() => {
    if (window.location.hash !== '#site-menu') return;
    setMenuOpen(true);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }, []);
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <aside className="sidebar" data-open={menuOpen || undefined}>
        <div className="sidebar-top">
          <Link to={base} className="brand">
            <Logo size={22} /> {t('appName')}
          </Link>
          <Link to={`${base}/notifications`} className="bell" data-unread={notifications.unread > 0 || undefined}>
            <BellIcon />
            <span className="visually-hidden">{t('nav.notificationsUnread', { count: notifications.unread, shown: unreadShown })}</span>
            {notifications.unread > 0 ? (
              <span className="bell-count" aria-hidden="true">
                {unreadShown}
              </span>
            ) : null}
          </Link>
          <a
            href="#site-menu"
            className="menu-button"
            role="button"
            aria-controls="site-menu"
            aria-expanded={menuOpen}
            onClick={(event) => {
              event.preventDefault();
              setMenuOpen((open) => !open);
            }}
            onKeyDown={(event) => {
              // A button answers Space as well as Enter.
              if (event.key !== ' ') return;
              event.preventDefault();
              setMenuOpen((open) => !open);
            }}
          >
            {t('nav.menu')}
          </a>
        </div>
        <div className="sidebar-menu" id="site-menu">
          <details className="switcher">
            <summary>
              <span className="visually-hidden">{t('nav.switchWorkspace')}: </span>
              {workspace.name}
              <span className="role-badge">{t(`roles.${role}`)}</span>
            </summary>
            <ul>
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link to={`/w/${w.slug}`} aria-current={w.slug === workspace.slug ? 'true' : undefined}>
                    {w.name}
                  </Link>
                </li>
              ))}
              <li>
                <Link to="/workspaces/new">+ {t('nav.newWorkspace')}</Link>
              </li>
            </ul>
          </details>
          <nav aria-label={t('nav.mainNavigation')}>
            <ul>
              {NAV.map((item) => (
                <li key={item}>
                  <NavLink to={item === 'home' ? base : `${base}/${item}`} end={item === 'home'}>
                    {t(`nav.${item}`)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="user">
            <Link to="/account">{user.displayName}</Link>
            <div className="muted small" style={{ color: '#9fb7c4' }}>
              {user.email}
            </div>
            <Form method="post" action="/logout">
              <button type="submit">{t('nav.signOut')}</button>
            </Form>
          </div>
        </div>
      </aside>
      <main className="content" id="main">
        <LiveUpdates slug={workspace.slug}>
          <LiveBell userId={user.id} />
          <Outlet />
        </LiveUpdates>
      </main>
    </div>
  );
}

/** A new notification for the member reloads the page's data, so the bell's count is current. */
function LiveBell({ userId }: { userId: string }) {
  useLiveData({ userId });
  return null;
}
