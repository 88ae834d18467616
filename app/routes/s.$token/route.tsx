// The read-only page a share link opens, without an account: /s/<token>. The token is the only key:
// a revoked, expired or unknown one answers the same 404 at once. A link with a password shows a
// password form first; a right password sets a cookie proving it (share-links.server). The page shows
// the one object the link names (a map's board, a business case, the summary) in the viewer's
// language, with no edit control and no link into the workspace; the edge adds noindex and
// no-referrer headers to every /s/ answer (server/app.ts).
import { parseWithZod } from '@conform-to/zod';
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '~/components/error-boundary';
import { isLanguage } from '~/lib/i18n';
import { pageTitle } from '~/lib/page-title';
import { summaryQuery } from '~/lib/schemas/projects';
import { UnlockShareLinkSchema } from '~/lib/schemas/share-links';
import { readForm } from '~/server/form.server';
import { assertSameOrigin, notFound } from '~/server/http.server';
import { i18nServer } from '~/server/i18n.server';
import { stageWindowFrom } from '~/server/maps.server';
import { clientAddressOf } from '~/server/request-context.server';
import { valueOr404 } from '~/server/result.server';
import { findOpenShareLink, isUnlocked, stampOpened, tryPassword } from '~/server/share-links.server';
import { loadSharedView } from '~/server/shared-views.server';
import journeyStyles from '~/styles/journey.css?url';
import projectsStyles from '~/styles/projects.css?url';
import shareStyles from '~/styles/share.css?url';
import { LockedForm } from './locked-form';
import { SharedMap } from './shared-map';
import { SharedProject } from './shared-project';
import { SharedSummary } from './shared-summary';
import { Logo } from '~/components/ui/icons';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: journeyStyles },
  { rel: 'stylesheet', href: projectsStyles },
  { rel: 'stylesheet', href: shareStyles },
];

// The title names the object as its members' page does (a locked or missing link: the app alone).
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const view = data?.view;
  const title =
    view?.kind === 'map'
      ? pageTitle(matches, 'maps', view.board.map.name)
      : view?.kind === 'project'
        ? pageTitle(matches, 'projects', view.project.name)
        : view?.kind === 'summary'
          ? pageTitle(matches, 'summary')
          : [{ title: 'Parcours' }];
  return [...title, { name: 'robots', content: 'noindex, nofollow' }, { name: 'referrer', content: 'no-referrer' }];
};

/** The locale namespaces this page needs beyond the root's. */
export const handle = { i18n: ['share', 'projects'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await findOpenShareLink(params.token);
  if (!link) throw notFound();
  const language = await i18nServer.getLocale(request);
  const locale = isLanguage(language) ? language : 'en';
  // Before the password, not even the workspace's name.
  if (!isUnlocked(request, link)) return { locale, workspaceName: null, currency: null, view: { kind: 'locked' as const } };
  const url = new URL(request.url);
  const view = valueOr404(await loadSharedView(link, { stageWindow: stageWindowFrom(url.searchParams), summary: summaryQuery(url.searchParams) }));
  await stampOpened(link);
  return { locale, workspaceName: link.workspace.name, currency: link.workspace.currency, view };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const formData = await readForm(request);
  const link = await findOpenShareLink(params.token);
  if (!link) throw notFound();
  const page = `/s/${params.token}`;
  if (!link.passwordHash) throw redirect(page);
  const submission = parseWithZod(formData, { schema: UnlockShareLinkSchema });
  const hideFields = ['password'];
  if (submission.status !== 'success') return data({ result: submission.reply({ hideFields }) }, { status: 400 });
  const tried = await tryPassword(request, link, submission.value.password, clientAddressOf(context));
  if (tried.status === 'throttled') {
    return data(
      { result: submission.reply({ formErrors: ['share:page.locked.throttled'], hideFields }) },
      { status: 429, headers: { 'Retry-After': String(tried.retryAfterSeconds) } },
    );
  }
  if (tried.status === 'wrong')
    return data({ result: submission.reply({ fieldErrors: { password: ['share:page.locked.wrongPassword'] }, hideFields }) }, { status: 400 });
  return redirect(page, { headers: { 'Set-Cookie': tried.cookie } });
}

export default function SharedPage() {
  const { locale, workspaceName, currency, view } = useLoaderData<typeof loader>();
  const { t } = useTranslation(['share', 'common']);
  return (
    <div className="shared-page">
      <header className="shared-banner">
        <span className="brand">
          <Logo size={20} /> {t('common:appName')}
        </span>
        {workspaceName ? <span>{t('page.banner', { workspace: workspaceName })}</span> : null}
      </header>
      <main id="main" className="shared-content">
        {view.kind === 'locked' ? <LockedForm /> : null}
        {view.kind === 'map' && currency ? <SharedMap board={view.board} currency={currency} locale={locale} /> : null}
        {view.kind === 'project' && currency ? <SharedProject view={view} m={{ currency, locale, fractionDigits: 2 }} /> : null}
        {view.kind === 'summary' && currency ? <SharedSummary view={view} m={{ currency, locale }} /> : null}
      </main>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
