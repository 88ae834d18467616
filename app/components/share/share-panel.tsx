// The share panel of a map, a business case or the summary (editors), in a side panel over the page
// (the whole screen on a phone): create a read-only link (optional last day, optional password),
// see the new link's address once with a copy button, list the links with who made them, when they
// were last opened, their expiry and whether they need a password, and revoke them. A non-modal
// dialog: the focus moves to its heading on opening; Close or Escape go back to the page and the
// focus returns to the Share button.
import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import type { LinksFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '~/components/ui/field';
import { SidePanel } from '~/components/ui/side-panel';
import { shareLinkState } from '~/domain/share-links';
import type { ShareKind } from '~/domain/vocabulary';
import { formatDateTime, formatDayOf } from '~/lib/format';
import { CreateShareLinkSchema } from '~/lib/schemas/share-links';
import { useHydrated } from '~/lib/use-hydrated';
import type { ShareLinkListItem } from '~/server/share-links.server';
import type { sharePanelLoader } from '~/server/share-panel.server';
import shareStyles from '~/styles/share.css?url';
import sidePanelStyles from '~/styles/side-panel.css?url';

/** A share panel's stylesheets, the side panel's frame then its own: each share route's `links`. */
export const sharePanelLinks: LinksFunction = () => [
  { rel: 'stylesheet', href: sidePanelStyles },
  { rel: 'stylesheet', href: shareStyles },
];

/** What the share routes' action answers (server/share-panel.server.ts). */
export interface ShareAnswer {
  intent?: string;
  status?: string;
  url?: string;
  result?: SubmissionResult<string[]>;
}

/** The panel as a share route shows it, from that route's loader and action (share-panel.server). */
export function SharePanelRoute({ kind, closeHref }: { kind: ShareKind; closeHref: string }) {
  const { name, links, more, locale, timeZone } = useLoaderData<typeof sharePanelLoader>();
  const answer = useActionData<ShareAnswer>();
  return <SharePanel kind={kind} name={name} links={links} more={more} answer={answer} locale={locale} timeZone={timeZone} closeHref={closeHref} />;
}

export function SharePanel({
  kind,
  name,
  links,
  more,
  answer,
  closeHref,
  locale,
  timeZone,
}: {
  kind: ShareKind;
  name: string;
  links: readonly ShareLinkListItem[];
  more: boolean;
  answer: ShareAnswer | undefined;
  closeHref: string;
  /** How the workspace writes dates and times. */
  locale: string;
  timeZone: string;
}) {
  const { t } = useTranslation('share');
  const headingId = useId();
  return (
    <SidePanel
      headingId={headingId}
      closeHref={closeHref}
      // The page's Share button (it links to the panel's address).
      returnFocus={() => document.querySelector<HTMLElement>(`a[href="${closeHref}/share"]`)}
      className="share-panel"
    >
      <div className="side-panel-head">
        <h2 id={headingId} tabIndex={-1}>
          {t(`panel.title.${kind}`, { name })}
        </h2>
        <Link to={closeHref} preventScrollReset className="button secondary small" aria-label={t('panel.closeLabel')}>
          {t('panel.close')}
        </Link>
      </div>
      <p className="muted">{t('panel.lead')}</p>
      {answer?.intent === 'create' && answer.status === 'done' && answer.url ? <CreatedLink url={answer.url} /> : null}
      {answer?.intent === 'revoke' && answer.status === 'done' ? (
        <p className="notice" role="status">
          {t('panel.revoked')}
        </p>
      ) : null}
      <CreateLinkForm answer={answer?.intent === 'create' ? answer : undefined} />
      <LinkList links={links} more={more} locale={locale} timeZone={timeZone} />
    </SidePanel>
  );
}

/** The new link's address, shown this once, with a copy button once JavaScript runs. */
function CreatedLink({ url }: { url: string }) {
  const { t } = useTranslation('share');
  const hydrated = useHydrated();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputId = useId();
  // The new address takes the focus (and is selected): ready to copy, and read out.
  useEffect(() => {
    input.current?.focus();
    setCopied(null);
  }, [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('failed');
    }
  };
  return (
    <section className="panel share-created" aria-labelledby={`${inputId}-heading`}>
      <h3 id={`${inputId}-heading`}>{t('panel.created')}</h3>
      <p>{t('panel.createdOnce')}</p>
      <div className="share-address">
        <label htmlFor={inputId} className="visually-hidden">
          {t('panel.address')}
        </label>
        <input id={inputId} ref={input} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        {hydrated ? (
          <button type="button" onClick={() => void copy()}>
            {t('panel.copy')}
          </button>
        ) : null}
      </div>
      <p role="status" className="small">
        {copied === 'yes' ? t('panel.copied') : copied === 'failed' ? t('panel.copyFailed') : null}
      </p>
    </section>
  );
}

function CreateLinkForm({ answer }: { answer: ShareAnswer | undefined }) {
  const { t } = useTranslation('share');
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'create-share-link',
    lastResult: answer?.result,
    constraint: getZodConstraint(CreateShareLinkSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateShareLinkSchema }),
  });
  return (
    <section aria-labelledby="share-new-heading">
      <h3 id="share-new-heading">{t('panel.newLink')}</h3>
      <Form method="post" preventScrollReset {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="create" />
        <Field label={t('panel.expiresOn')} field={fields.expiresOn} type="date" hint={t('panel.expiresHint')} />
        <Field label={t('panel.password')} field={fields.password} type="password" autoComplete="new-password" hint={t('panel.passwordHint')} />
        <div>
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {t('panel.create')}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** One card per link (the panel is narrow on every screen): when and by whom, last opened, expiry, password. */
function LinkList({ links, more, locale, timeZone }: { links: readonly ShareLinkListItem[]; more: boolean; locale: string; timeZone: string }) {
  const { t } = useTranslation('share');
  const now = new Date();
  return (
    <section aria-labelledby="share-links-heading">
      <h3 id="share-links-heading">{t('panel.links')}</h3>
      {links.length === 0 ? (
        <p className="muted">{t('panel.none')}</p>
      ) : (
        <ul className="share-links">
          {links.map((link) => {
            const created = formatDateTime(link.createdAt, locale, timeZone);
            const creator = link.creatorName ?? t('panel.formerMember');
            const expired = shareLinkState({ expiresAt: link.expiresAt, revokedAt: null }, now) === 'expired';
            return (
              <li key={link.id} className="share-link">
                <dl>
                  <div>
                    <dt>{t('panel.createdAt')}</dt>
                    <dd>{created}</dd>
                  </div>
                  <div>
                    <dt>{t('panel.creator')}</dt>
                    <dd>{creator}</dd>
                  </div>
                  <div>
                    <dt>{t('panel.lastOpened')}</dt>
                    <dd>{link.lastOpenedAt ? formatDateTime(link.lastOpenedAt, locale, timeZone) : t('panel.never')}</dd>
                  </div>
                  <div>
                    <dt>{t('panel.expires')}</dt>
                    <dd suppressHydrationWarning>
                      {expired ? (
                        <span className="chip warn">{t('panel.expired')}</span>
                      ) : link.expiresAt ? (
                        formatDayOf(link.expiresAt, locale, timeZone)
                      ) : (
                        t('panel.noExpiry')
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('panel.hasPassword')}</dt>
                    <dd>{link.hasPassword ? t('panel.withPassword') : t('panel.withoutPassword')}</dd>
                  </div>
                </dl>
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="linkId" value={link.id} />
                  <button type="submit" className="secondary small" aria-label={t('panel.revokeLabel', { date: created, name: creator })}>
                    {t('panel.revoke')}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      {more ? <p className="muted small">{t('panel.more', { count: links.length })}</p> : null}
    </section>
  );
}
