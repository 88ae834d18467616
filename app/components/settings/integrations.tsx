// What the integration settings pages (API tokens, webhooks) share: their heading with the links
// between them, and the panel that shows a new secret once (only a hash, or the signing key, stays).
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '~/lib/workspace';

export function IntegrationsHeader({ title, lead, page }: { title: string; lead: string; page: 'api' | 'webhooks' }) {
  const { t } = useTranslation(['api', 'webhooks', 'common']);
  const { workspace } = useWorkspace();
  const base = `/w/${workspace.slug}/settings`;
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        <p>{lead}</p>
      </div>
      <nav className="row" aria-label={t('common:nav.settings')}>
        <Link to={base}>{t('api:backToSettings')}</Link>
        {page === 'webhooks' ? <Link to={`${base}/api`}>{t('webhooks:apiTokens')}</Link> : null}
        {page === 'api' ? <Link to={`${base}/webhooks`}>{t('webhooks:settingsLink')}</Link> : null}
        {/* A full page load: the reference is a page of its own, outside the workspace. */}
        <a href="/api/docs">{t('api:docsLink')}</a>
      </nav>
    </div>
  );
}

/** A secret shown once, selected on focus for copying. */
export function SecretOnce({ secret, title, once, label }: { secret: string; title: string; once: string; label: string }) {
  return (
    <section className="panel" role="status" aria-labelledby="secret-heading">
      <h2 id="secret-heading">{title}</h2>
      <p>{once}</p>
      <input readOnly aria-label={label} value={secret} onFocus={(e) => e.currentTarget.select()} />
    </section>
  );
}
