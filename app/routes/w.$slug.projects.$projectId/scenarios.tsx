// The scenarios panel: low / base / high side by side, their overrides (a form for editors, saved
// in one go) above the figures they give. The figures follow the what-if and what is typed here.
import { getFormProps, getInputProps, useForm, type FieldMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { money, usePayback, useRatio, type Money } from '~/components/projects/figures';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { TableScroll } from '~/components/ui/table-scroll';
import type { BusinessCase } from '~/domain/business-case';
import type { NumberLocale } from '~/domain/decimal';
import { SCENARIO_KINDS, type ScenarioKind } from '~/domain/vocabulary';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { formatPercent } from '~/lib/format';
import { scenariosSchema, type ScenarioDraft } from '~/lib/schemas/scenarios';
import type { SavedScenarios } from '~/server/scenarios.server';
import type { useScenarios } from './use-scenarios';

const OVERRIDES = ['confidenceShift', 'rampUp', 'costChange', 'targetReach'] as const satisfies readonly (keyof ScenarioDraft)[];

export function ScenariosPanel({
  saved,
  scenarios,
  locale,
  canEdit,
  reply,
  m,
}: {
  saved: SavedScenarios;
  scenarios: ReturnType<typeof useScenarios>;
  locale: NumberLocale;
  canEdit: boolean;
  reply: ActionReply | undefined;
  m: Money;
}) {
  const { t } = useTranslation('projects');
  const ratio = useRatio();
  const payback = usePayback();
  const schema = scenariosSchema(locale);
  const [form, fields] = useForm({
    id: `scenarios-${scenarios.versions}`,
    lastResult: lastResultFor(reply, 'scenarios'),
    defaultValue: scenarios.savedDrafts,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
  const shown = (kind: ScenarioKind) => scenarios.analysis.cases[kind];

  const figureRows: [string, (c: BusinessCase) => string][] = [
    [t('figures.totalBenefit'), (c) => money(c.totalBenefit, m)],
    [t('figures.totalCost'), (c) => money(c.totalCost, m)],
    [t('figures.npv'), (c) => money(c.npv, m)],
    [t('figures.roi'), (c) => ratio(c.roi, m.locale)],
    [t('figures.payback'), (c) => payback(c.paybackMonths)],
  ];

  const overrideCell = (kind: ScenarioKind, key: (typeof OVERRIDES)[number]) => {
    if (!canEdit) return <td className="num">{readOnly(saved[kind], key)}</td>;
    const field = fields[kind].getFieldset()[key] as FieldMetadata<string>;
    const invalid = scenarios.invalid.includes(`${kind}.${key}`) || undefined;
    return (
      <td>
        <input
          {...getInputProps(field, { type: 'text' })}
          key={field.key}
          inputMode={key === 'rampUp' ? 'text' : 'decimal'}
          aria-label={t('scenarios.inputLabel', { kind: t(`scenarios.kind.${kind}`), field: t(`scenarios.${key}`) })}
          aria-invalid={invalid}
          className="scenario-input"
        />
        <FieldErrors id={field.errorId} errors={field.errors} />
      </td>
    );
  };

  const readOnly = (o: SavedScenarios[ScenarioKind], key: (typeof OVERRIDES)[number]) => {
    if (key === 'rampUp') return o.rampUp.length ? o.rampUp.map((r) => formatPercent(r, m.locale, 1)).join(' / ') : t('scenarios.rampUpSame');
    const value = formatPercent(o[key], m.locale, 1);
    return key === 'targetReach' || o[key].startsWith('-') || o[key] === '0' ? value : `+${value}`;
  };

  const table = (
    <TableScroll>
      <table className="data scenario-table">
        <caption className="visually-hidden">{t('scenarios.caption')}</caption>
        <thead>
          <tr>
            <td />
            {SCENARIO_KINDS.map((kind) => (
              <th key={kind} scope="col" className="num">
                {t(`scenarios.kind.${kind}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={4} className="group">
              {t('scenarios.overrides')}
            </th>
          </tr>
          {OVERRIDES.map((key) => (
            <tr key={key}>
              <th scope="row">{t(`scenarios.${key}`)}</th>
              {SCENARIO_KINDS.map((kind) => (
                <Fragment key={kind}>{overrideCell(kind, key)}</Fragment>
              ))}
            </tr>
          ))}
        </tbody>
        <tbody>
          <tr>
            <th scope="rowgroup" colSpan={4} className="group">
              {t('scenarios.figures')}
            </th>
          </tr>
          {figureRows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {SCENARIO_KINDS.map((kind) => (
                <td key={kind} className="num">
                  {value(shown(kind))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <section className="panel scenarios" aria-labelledby="scenarios-heading">
      <h2 id="scenarios-heading">{t('scenarios.title')}</h2>
      <p className="muted">{t('scenarios.lead')}</p>
      {SCENARIO_KINDS.every((kind) => saved[kind].version === 0) ? <p className="muted">{t('scenarios.defaults')}</p> : null}
      {scenarios.changed ? (
        <p className="notice warn" role="status">
          {t('scenarios.unsaved')}
        </p>
      ) : null}
      {canEdit ? (
        <Form
          method="post"
          {...getFormProps(form)}
          onChange={(event) => {
            const f = new FormData(event.currentTarget);
            const read = (kind: ScenarioKind): ScenarioDraft => ({
              confidenceShift: String(f.get(`${kind}.confidenceShift`) ?? ''),
              rampUp: String(f.get(`${kind}.rampUp`) ?? ''),
              costChange: String(f.get(`${kind}.costChange`) ?? ''),
              targetReach: String(f.get(`${kind}.targetReach`) ?? ''),
            });
            scenarios.setDrafts({ low: read('low'), base: read('base'), high: read('high') });
          }}
          onReset={scenarios.reset}
        >
          <input type="hidden" name="intent" value="scenarios" />
          {SCENARIO_KINDS.map((kind) => (
            <input key={kind} type="hidden" name={`${kind}.version`} value={saved[kind].version} />
          ))}
          <FormErrors errors={form.errors} />
          {table}
          <p className="field-hint no-print">{t('scenarios.rampUpHint')}</p>
          <div className="row no-print">
            <button type="submit">{t('scenarios.save')}</button>
            <button type="reset" className="secondary">
              {t('scenarios.reset')}
            </button>
          </div>
        </Form>
      ) : (
        table
      )}
    </section>
  );
}
