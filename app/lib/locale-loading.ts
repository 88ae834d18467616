// Which locale namespaces the browser loads, and when. At hydration only those of the page it opens
// (the `handle.i18n` of its routes, root included: see entry.client.tsx), so the map editor does not
// download the projects, API and webhook texts. The others load when the user first navigates,
// while the next page's code and data are on their way, so a page reached in the browser finds its
// texts there (at worst it draws again when they arrive).
import { useNavigation } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { namespaces } from './i18n';

export function useNamespacesForNavigation() {
  const { i18n } = useTranslation();
  const navigating = useNavigation().state !== 'idle';
  useEffect(() => {
    if (navigating) void i18n.loadNamespaces([...namespaces]);
  }, [navigating, i18n]);
}
