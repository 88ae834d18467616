// The cost lines of a business case (editors only): one Conform form per line, a delete button per
// line and the "Add a cost" form. An error shows beside the fields of the line that was submitted.
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { money, type Money } from '~/components/projects/figures';
import { ButtonForm } from '~/components/ui/button-form';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import type { NumberLocale } from '~/domain/decimal';
import { COST_KINDS, type CostKind } from '~/domain/vocabulary';
import { answerFor, lastResultFor, type ActionReply } from '~/lib/action-result';
import { DeleteCostSchema, costSchema } from '~/lib/schemas/projects';

export interface CostRow {
  id: string;
  label: string;
  kind: CostKind;
  amount: string;
  year: number;
}

function amountInput(amount: string, locale: NumberLocale) {
  // '60000.000000' -> '60000' (',' decimals in French)
  const trimmed = amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount;
  return locale === 'fr' ? trimmed.replace('.', ',') : trimmed;
}

type CostFieldSet = Record<'label' | 'kind' | 'amount' | 'year', FieldMetadata<string | undefined>>;

function CostFields({ fields }: { fields: CostFieldSet }) {
  const { t } = useTranslation('projects');
  return (
    <>
      <div className="field">
        <label htmlFor={fields.label.id}>{t('costs.label')}</label>
        <input {...getInputProps(fields.label, { type: 'text' })} key={fields.label.key} />
        <FieldErrors id={fields.label.errorId} errors={fields.label.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.kind.id}>{t('costs.kind')}</label>
        <select {...getSelectProps(fields.kind)} key={fields.kind.key}>
          {COST_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`costs.${kind}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={fields.kind.errorId} errors={fields.kind.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.amount.id}>{t('costs.amount')}</label>
        <input {...getInputProps(fields.amount, { type: 'text' })} key={fields.amount.key} inputMode="decimal" />
        <FieldErrors id={fields.amount.errorId} errors={fields.amount.errors} />
      </div>
      <div className="field narrow">
        <label htmlFor={fields.year.id}>{t('costs.year')}</label>
        <input {...getInputProps(fields.year, { type: 'number' })} key={fields.year.key} placeholder={t('costs.yearDefault')} />
        <FieldErrors id={fields.year.errorId} errors={fields.year.errors} />
      </div>
    </>
  );
}

/** One cost form: a saved line (`cost`) or the add form. */
function CostForm({ id, cost, locale, reply, children }: { id: string; cost?: CostRow; locale: NumberLocale; reply?: ActionReply; children: ReactNode }) {
  const { t } = useTranslation('projects');
  const schema = costSchema(locale);
  const [form, fields] = useForm({
    id,
    lastResult: cost ? lastResultFor(reply, 'updateCost', cost.id) : lastResultFor(reply, 'addCost', 'new'),
    defaultValue: cost ? { label: cost.label, kind: cost.kind, amount: amountInput(cost.amount, locale), year: String(cost.year) } : { kind: 'one_off' },
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
  const formProps = getFormProps(form);
  // The add form stays mounted: once the line it sent is saved, only the fields still holding what
  // was sent are cleared, so anything typed while the server answered is kept.
  const element = useRef<HTMLFormElement>(null);
  const sent = useRef<FormData | null>(null);
  const saved = cost ? undefined : answerFor(reply, 'addCost', 'new');
  const savedAnswer = saved?.status === 'done' ? saved : undefined;
  useEffect(() => {
    if (!savedAnswer) return;
    const fields = element.current?.elements;
    const values = sent.current;
    sent.current = null;
    if (!fields || !values) return;
    for (const [name, blank] of [
      ['label', ''],
      ['amount', ''],
      ['year', ''],
      ['kind', 'one_off'],
    ] as const) {
      const field = fields.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (field && field.value === String(values.get(name) ?? '')) field.value = blank;
    }
  }, [savedAnswer]);
  return (
    <Form
      method="post"
      className="row"
      {...formProps}
      ref={element}
      onSubmit={(event) => {
        if (!cost) sent.current = new FormData(event.currentTarget);
        formProps.onSubmit(event);
      }}
      aria-label={cost ? t('costs.editOf', { label: cost.label }) : t('costs.add')}
    >
      <input type="hidden" name="intent" value={cost ? 'updateCost' : 'addCost'} />
      {cost ? <input type="hidden" name="costId" value={cost.id} /> : null}
      <FormErrors errors={form.errors} />
      <CostFields fields={fields as unknown as CostFieldSet} />
      <div className="field actions">{children}</div>
    </Form>
  );
}

export function CostEditor({ costs, locale, m, reply }: { costs: readonly CostRow[]; locale: NumberLocale; m: Money; reply?: ActionReply }) {
  const { t } = useTranslation('projects');
  return (
    <div className="cost-editor">
      {costs.length === 0 ? <p className="muted">{t('costs.empty')}</p> : null}
      {costs.map((c) => {
        // Keyed by content so that a saved line shows what was saved.
        const key = `${c.id}-${c.amount}-${c.label}-${c.kind}-${c.year}`;
        return (
          <div key={key} className="cost-row">
            <CostForm id={`cost-${c.id}`} cost={c} locale={locale} reply={reply}>
              <button type="submit" className="secondary small">
                {t('costs.save')}
              </button>
            </CostForm>
            <ButtonForm id={`delete-cost-${c.id}`} schema={DeleteCostSchema} fields={{ intent: 'deleteCost', costId: c.id }}>
              <button type="submit" className="danger small" aria-label={t('costs.deleteOf', { label: c.label, amount: money(c.amount, m) })}>
                {t('costs.delete')}
              </button>
            </ButtonForm>
          </div>
        );
      })}
      <h3>{t('costs.add')}</h3>
      <CostForm id="cost-new" locale={locale} reply={reply}>
        <button type="submit">{t('costs.addButton')}</button>
      </CostForm>
      <p className="field-hint">{t('costs.hint')}</p>
    </div>
  );
}
