// The measure definition form (library "new measure" and the measure page), wired to Conform with
// the schema the action uses. Works without JavaScript (a plain POST).
import { getFormProps, getSelectProps, getTextareaProps, useForm, type Submission, type SubmissionResult } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FieldErrors, FormErrors, SelectField } from '~/components/ui/field';
import { valuePerUnit } from '~/domain/kpi';
import { FAMILIES, HEART_CATEGORIES, IMPACT_TYPES, TRENDS, UNITS, type Locale } from '~/domain/vocabulary';
import { measureSchema } from '~/lib/schemas/measures';
import { canonicalUnit, isKnownUnit, unitNameKey } from '~/domain/units';
import { formatPerUnit, useUnitLabel, useUnitOne } from './unit';

export interface MeasureFormDefaults {
  name?: string;
  description?: string;
  unit?: string;
  trend?: string;
  valueAmount?: string | null;
  valueStep?: string | null;
  impactType?: string;
  ownerId?: string | null;
  group?: string | null;
  tags?: string[];
  heartCategory?: string | null;
  family?: string | null;
  gsmGoal?: string | null;
  gsmSignal?: string | null;
  systems?: string[];
  touchpoints?: string[];
}

type Text = string | undefined;
interface MeasureFormShape {
  name?: Text;
  description?: Text;
  unit?: Text;
  trend?: Text;
  valueAmount?: Text;
  valueStep?: Text;
  impactType?: Text;
  ownerId?: Text;
  group?: Text;
  tags?: Text;
  heartCategory?: Text;
  family?: Text;
  gsmGoal?: Text;
  gsmSignal?: Text;
  systems?: Text;
  touchpoints?: string[];
}

export function MeasureForm({
  id,
  intent,
  version,
  defaults,
  lastResult,
  locale,
  currency,
  members,
  groups,
  touchpoints,
  submitLabel,
  formErrors,
}: {
  id: string;
  intent: 'create' | 'update';
  version?: number;
  defaults: MeasureFormDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  locale: Locale;
  currency: string;
  members: { userId: string; displayName: string }[];
  groups: string[];
  touchpoints: { id: string; title: string; mapName: string; stageName: string }[];
  submitLabel: string;
  formErrors?: string[];
}) {
  const { t } = useTranslation(['measures', 'library']);
  const unitLabel = useUnitLabel(currency);
  // Known units show by their name in the reader's language; the action reads the name back as its key.
  const unitInputName = (unit: string | undefined) => (unit !== undefined && isKnownUnit(unit) ? t(`unitNames.${unitNameKey(unit)}`) : unit);
  const unitOne = useUnitOne(currency);
  const schema = measureSchema(locale);
  const [form, fields] = useForm<MeasureFormShape>({
    id,
    lastResult,
    defaultValue: {
      ...defaults,
      valueAmount: defaults.valueAmount ?? undefined,
      valueStep: defaults.valueStep ?? undefined,
      tags: (defaults.tags ?? []).join(', '),
      systems: (defaults.systems ?? []).join(', '),
      ownerId: defaults.ownerId ?? undefined,
      group: defaults.group ?? undefined,
      heartCategory: defaults.heartCategory ?? undefined,
      family: defaults.family ?? undefined,
      gsmGoal: defaults.gsmGoal ?? undefined,
      gsmSignal: defaults.gsmSignal ?? undefined,
    },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as unknown as Submission<MeasureFormShape>,
  });
  const amount = fields.valueAmount.value;
  const step = fields.valueStep.value;
  const unit = canonicalUnit(fields.unit.value ?? defaults.unit ?? '');
  // Live hint "= 5,000 € per pt" from what is typed (parsed by the schema, computed by the domain).
  const parsed = schema.safeParse({ name: 'x', unit: unit || 'x', trend: 'up', valueAmount: amount, valueStep: step });
  const vpu = parsed.success ? valuePerUnit(parsed.data.valueAmount, parsed.data.valueStep) : null;
  const opt = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const none = { value: '', label: t('form.none') };
  return (
    <Form method="post" {...getFormProps(form)} className="measure-form">
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <FormErrors errors={[...(formErrors ?? []), ...(form.errors ?? [])]} />
      <div className="row">
        <Field label={t('fields.name')} field={fields.name} />
        <div className="field">
          <label htmlFor={fields.unit.id}>{t('fields.unit')}</label>
          <input
            id={fields.unit.id}
            name={fields.unit.name}
            defaultValue={unitInputName(fields.unit.initialValue)}
            list={`${id}-units`}
            aria-describedby={`${id}-unit-hint`}
          />
          <datalist id={`${id}-units`}>
            {UNITS.map((u) => (
              <option key={u} value={t(`unitNames.${unitNameKey(u)}`)} />
            ))}
          </datalist>
          <p className="field-hint" id={`${id}-unit-hint`}>
            {t('form.unitHint')}
          </p>
          <FieldErrors id={fields.unit.errorId} errors={fields.unit.errors} />
        </div>
        <SelectField label={t('fields.trend')} field={fields.trend} options={opt(TRENDS, 'trend')} />
      </div>
      <div className="field">
        <label htmlFor={fields.description.id}>{t('fields.description')}</label>
        <textarea {...getTextareaProps(fields.description)} rows={3} />
        <FieldErrors id={fields.description.errorId} errors={fields.description.errors} />
      </div>
      <fieldset className="measure-value">
        <legend>{t('fields.financialValue')}</legend>
        <div className="row">
          <Field label={t('fields.valueAmount', { currency })} field={fields.valueAmount} inputMode="decimal" />
          <Field label={t('fields.valueStep', { unit: unitLabel(unit, 'long') || t('unitNames.count') })} field={fields.valueStep} inputMode="decimal" />
          <SelectField label={t('fields.impactType')} field={fields.impactType} options={opt(IMPACT_TYPES, 'impactType')} />
        </div>
        <p className="muted" aria-live="polite">
          {vpu !== null ? t('form.vpu', { amount: formatPerUnit(vpu, currency, locale), unit: unitOne(unit) }) : t('form.vpuHint')}
        </p>
      </fieldset>
      <div className="row">
        <SelectField label={t('fields.owner')} field={fields.ownerId} options={[none, ...members.map((m) => ({ value: m.userId, label: m.displayName }))]} />
        <div className="field">
          <label htmlFor={fields.group.id}>{t('fields.group')}</label>
          <input id={fields.group.id} name={fields.group.name} defaultValue={fields.group.initialValue} list={`${id}-groups`} />
          <datalist id={`${id}-groups`}>
            {groups.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
          <FieldErrors id={fields.group.errorId} errors={fields.group.errors} />
        </div>
        <Field label={t('fields.tags')} field={fields.tags} hint={t('form.commaHint')} />
      </div>
      <div className="row">
        <SelectField label={t('fields.heartCategory')} field={fields.heartCategory} options={[none, ...opt(HEART_CATEGORIES, 'heart')]} />
        <SelectField label={t('fields.family')} field={fields.family} options={[none, ...opt(FAMILIES, 'family')]} />
      </div>
      <div className="row">
        <Field label={t('fields.gsmGoal')} field={fields.gsmGoal} />
        <Field label={t('fields.gsmSignal')} field={fields.gsmSignal} />
      </div>
      <div className="row">
        <Field label={t('fields.systems')} field={fields.systems} hint={t('form.commaHint')} />
        <div className="field">
          <label htmlFor={fields.touchpoints.id}>{t('fields.touchpoints')}</label>
          {touchpoints.length === 0 ? (
            <p className="muted small">{t('form.noTouchpoints')}</p>
          ) : (
            <select {...getSelectProps(fields.touchpoints)} multiple size={Math.min(8, touchpoints.length + 1)}>
              {[...new Set(touchpoints.map((c) => c.mapName))].map((mapName) => (
                <optgroup key={mapName} label={mapName}>
                  {touchpoints
                    .filter((c) => c.mapName === mapName)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.stageName} › {c.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
          <FieldErrors id={fields.touchpoints.errorId} errors={fields.touchpoints.errors} />
        </div>
      </div>
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}
