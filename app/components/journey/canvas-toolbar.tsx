// The map canvas's view controls: zoom out, the zoom shown, zoom in, fit every stage to the box's
// width, and compact density. Only a view: nothing here is saved to the map.
import { useTranslation } from 'react-i18next';
import { fitZoom, stepZoom, ZOOM_MAX, ZOOM_MIN } from './canvas-view';

export function CanvasToolbar({
  zoom,
  compact,
  onZoom,
  onCompact,
  fitWidth,
  stageCount,
}: {
  zoom: number;
  compact: boolean;
  onZoom: (zoom: number) => void;
  onCompact: (compact: boolean) => void;
  /** The width the map's box offers, read when "fit" is pressed. */
  fitWidth: () => number;
  stageCount: number;
}) {
  const { t } = useTranslation('maps');
  const percent = Math.round(zoom * 100);
  return (
    <div className="canvas-toolbar no-print" role="toolbar" aria-label={t('canvas.toolbar')}>
      <button
        type="button"
        className="secondary"
        onClick={() => onZoom(stepZoom(zoom, -1))}
        disabled={zoom <= ZOOM_MIN}
        aria-label={t('canvas.zoomOut')}
        title={t('canvas.zoomOutHint')}
      >
        −
      </button>
      <output className="zoom-level" aria-live="polite" aria-label={t('canvas.zoomLevel', { percent })}>
        {t('canvas.percent', { percent })}
      </output>
      <button
        type="button"
        className="secondary"
        onClick={() => onZoom(stepZoom(zoom, 1))}
        disabled={zoom >= ZOOM_MAX}
        aria-label={t('canvas.zoomIn')}
        title={t('canvas.zoomInHint')}
      >
        +
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const width = fitWidth();
          if (width > 0) onZoom(fitZoom(width, stageCount));
        }}
      >
        {t('canvas.fit')}
      </button>
      <button type="button" className="secondary density" aria-pressed={compact} onClick={() => onCompact(!compact)}>
        {t('canvas.compact')}
      </button>
    </div>
  );
}
