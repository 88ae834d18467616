// The "Share" button of a map, a business case and the summary (editors): a link to the page's share
// panel, a nested route that loads on demand, so the page itself carries none of its code.
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** Marks the button, so the panel gives the focus back to it when it closes. */
export const SHARE_BUTTON_ATTRIBUTE = 'data-share-open';

export function ShareButton({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link className="button secondary" to={to} preventScrollReset {...{ [SHARE_BUTTON_ATTRIBUTE]: '' }}>
      {t('actions.share')}
    </Link>
  );
}
