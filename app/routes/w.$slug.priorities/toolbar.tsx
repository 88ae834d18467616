// The matrix's options (value axis, bubble size) and the status filter: a plain GET form, so every
// view of the page is a URL and works before JavaScript loads. The table's order is kept; the page
// starts again from the first.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { defaultDirection } from '~/domain/priorities';
import { PROJECT_STATUSES } from '~/domain/vocabulary';
import { BUBBLE_SIZES, MATRIX_VALUES, type PrioritiesQuery } from '~/lib/schemas/priorities';

/** The words of the chosen value axis and bubble size. */
export function useAxisLabels(query: Pick<PrioritiesQuery, 'value' | 'size'>) {
  const { t } = useTranslation('priorities');
  return { valueLabel: t(`toolbar.values.${query.value}`), sizeLabel: t(`toolbar.sizes.${query.size}`) };
}

export function MatrixToolbar({ query }: { query: PrioritiesQuery }) {
  const { t } = useTranslation('priorities');
  const { t: tc } = useTranslation();
  return (
    <Form method="get" className="row filters priorities-toolbar no-print" role="search" aria-label={t('toolbar.label')}>
      <div className="field">
        <label htmlFor="priorities-value">{t('toolbar.value')}</label>
        <select id="priorities-value" name="value" defaultValue={query.value}>
          {MATRIX_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`toolbar.values.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="priorities-size">{t('toolbar.size')}</label>
        <select id="priorities-size" name="size" defaultValue={query.size}>
          {BUBBLE_SIZES.map((s) => (
            <option key={s} value={s}>
              {t(`toolbar.sizes.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="priorities-status">{t('toolbar.status')}</label>
        <select id="priorities-status" name="status" defaultValue={query.status ?? ''}>
          <option value="">{t('toolbar.allStatuses')}</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tc(`projectStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {query.sort !== 'npv' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== defaultDirection(query.sort) ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="field actions">
        <button type="submit" className="secondary">
          {t('toolbar.apply')}
        </button>
      </div>
    </Form>
  );
}
