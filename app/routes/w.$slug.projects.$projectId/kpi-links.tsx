// The KPIs linked to a project with their shares (one Conform form per line), and the share form the
// KPI picker (kpi-picker.tsx) links with. Editors only; every form works before JavaScript loads.
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import type { KpiLineData } from '~/domain/business-case';
import type { NumberLocale } from '~/domain/decimal';
import { formatPercent } from '~/lib/format';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { UnlinkSchema, linkSchema, percentInput } from '~/lib/schemas/projects';
import { TableScroll } from '~/components/ui/table-scroll';

/** A share form: `share` changes a linked KPI's share, `link` links a KPI found by the picker. */
export function ShareForm({
  intent,
  kpiId,
  share,
  label,
  locale,
  reply,
  children,
}: {
  intent: 'share' | 'link';
  kpiId: string;
  share: string;
  label: string;
  locale: NumberLocale;
  reply?: ActionReply;
  children: ReactNode;
}) {
  const schema = linkSchema(locale);
  const [form, fields] = useForm({
    id: `${intent}-${kpiId}`,
    lastResult: lastResultFor(reply, intent, kpiId),
    defaultValue: { share },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
  return (
    <Form method="post" className="row compact" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="kpiId" value={kpiId} />
      <label className="visually-hidden" htmlFor={fields.share.id}>
        {label}
      </label>
      <input {...getInputProps(fields.share, { type: 'text' })} key={fields.share.key} inputMode="decimal" className="share-input" />
      <span aria-hidden="true">%</span>
      {children}
      <FieldErrors id={fields.share.errorId} errors={fields.share.errors} />
      <FormErrors errors={[...(form.errors ?? []), ...(fields.kpiId.errors ?? [])]} />
    </Form>
  );
}

export function LinkedKpis({ lines, locale, reply }: { lines: readonly KpiLineData[]; locale: NumberLocale; reply?: ActionReply }) {
  const { t } = useTranslation('projects');
  const navigation = useNavigation();
  if (lines.length === 0) return <p className="muted">{t('links.empty')}</p>;
  return (
    <TableScroll>
      <table className="data records">
        <thead>
          <tr>
            <th scope="col">{t('links.kpi')}</th>
            <th scope="col">{t('links.share')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('links.unlink')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => {
            const name = t('breakdown.kpiAt', { measure: l.measureName, stage: l.stageName });
            return (
              <tr key={l.kpiId}>
                <td className="record-name">
                  {name} <span className="muted small">· {l.mapName}</span>
                  {l.warnings.includes('double_counting') ? (
                    <>
                      {' '}
                      <span className="chip warn">{t('links.totalShare', { total: formatPercent(l.totalShare, locale, 1) })}</span>
                    </>
                  ) : null}
                </td>
                <td data-label={t('links.share')}>
                  <ShareForm
                    key={l.share}
                    intent="share"
                    kpiId={l.kpiId}
                    share={percentInput(l.share, locale)}
                    label={t('links.shareOf', { kpi: name })}
                    locale={locale}
                    reply={reply}
                  >
                    <button type="submit" className="secondary small" disabled={navigation.state === 'submitting'}>
                      {t('links.saveShare')}
                    </button>
                  </ShareForm>
                </td>
                <td className="record-actions">
                  <ButtonForm id={`unlink-${l.kpiId}`} schema={UnlinkSchema} fields={{ intent: 'unlink', kpiId: l.kpiId }}>
                    <button type="submit" className="danger small" aria-label={t('links.unlinkOf', { kpi: name })}>
                      {t('links.unlink')}
                    </button>
                  </ButtonForm>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
