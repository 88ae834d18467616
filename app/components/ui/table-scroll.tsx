// A wide table's box: on a narrow screen the table scrolls sideways inside it, never the page. Once
// it does scroll, the box takes keyboard focus (arrow keys scroll it) and is named for screen readers.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function TableScroll({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    // Measured only in the observer's callbacks (the first one comes with the next frame), when the
    // layout is fresh: measuring in the effect forced a style and layout of the whole page in the
    // hydration's task (~70 ms on the 300-project summary in Lighthouse's trace), and laid out
    // panels that were still off screen (content-visibility: auto).
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className="table-scroll"
      tabIndex={scrolls ? 0 : undefined}
      role={scrolls ? 'region' : undefined}
      aria-label={scrolls ? t('table.scrolls') : undefined}
    >
      {children}
    </div>
  );
}
