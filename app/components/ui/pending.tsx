// Feedback while the server works, for every page at once (mounted by the root route):
// - a thin progress bar at the top when a navigation or a form post takes longer than a blink;
// - the button that submitted a form is marked busy (aria-busy, a spinner) and cannot be pressed
//   again until every navigation and fetcher is idle, so a slow save is never sent twice.
import { useFetchers, useNavigation } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Below this, a change of page feels instant and a bar would only flicker. */
const SHOW_AFTER_MS = 150;

export function PendingFeedback() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const navigating = navigation.state !== 'idle';
  const anyBusy = navigating || fetchers.some((f) => f.state !== 'idle');

  const [barShown, setBarShown] = useState(false);
  useEffect(() => {
    if (!navigating) {
      setBarShown(false);
      return;
    }
    const timer = setTimeout(() => setBarShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, [navigating]);

  // Buttons marked busy since the last idle moment.
  const busyButtons = useRef(new Set<HTMLElement>());
  const busyNow = useRef(anyBusy);
  busyNow.current = anyBusy;
  const release = () => {
    for (const button of busyButtons.current) {
      button.removeAttribute('aria-busy');
      button.removeAttribute('aria-disabled');
      delete button.dataset.pending;
    }
    busyButtons.current.clear();
  };
  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      const button = event.submitter;
      if (!(button instanceof HTMLButtonElement) || !event.defaultPrevented) return;
      // Only forms Remix handles (it prevents the browser's own submission); the button keeps its
      // place in the tab order and its name, and says it is busy.
      button.setAttribute('aria-busy', 'true');
      button.setAttribute('aria-disabled', 'true');
      button.dataset.pending = 'true';
      busyButtons.current.add(button);
      // A submission refused in the browser (a field fails its check) starts nothing: release.
      setTimeout(() => {
        if (!busyNow.current) release();
      }, 100);
    };
    // A second press on a busy button does nothing.
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest?.('button[data-pending]');
      if (button) event.preventDefault();
    };
    document.addEventListener('submit', onSubmit);
    document.addEventListener('click', onClick, true);
    return () => {
      document.removeEventListener('submit', onSubmit);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
  useEffect(() => {
    if (!anyBusy) release();
  }, [anyBusy]);

  return barShown ? <div className="nav-progress" role="progressbar" aria-label={t('pending.loading')} /> : null;
}
