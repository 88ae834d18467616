// The what-if panel: the assumptions form (saved by editors), whose every keystroke re-computes the
// figures above and below it (useWhatIf).
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import type { NumberLocale } from '~/domain/decimal';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { projectAssumptionsSchema, type AssumptionDraft } from '~/lib/schemas/projects';
import type { useWhatIf } from './use-what-if';

export function WhatIf({
  version,
  locale,
  canEdit,
  whatIf,
  reply,
}: {
  version: number;
  locale: NumberLocale;
  canEdit: boolean;
  whatIf: ReturnType<typeof useWhatIf>;
  reply: ActionReply | undefined;
}) {
  const { t } = useTranslation('projects');
  const schema = projectAssumptionsSchema(locale);
  const [form, fields] = useForm({
    id: `assumptions-${version}`,
    lastResult: lastResultFor(reply, 'assumptions'),
    defaultValue: whatIf.savedDraft,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: 'onSubmit',
  });
  const invalid = (name: keyof AssumptionDraft) => whatIf.invalid.includes(name) || undefined;
  return (
    <section className="panel what-if no-print" aria-labelledby="whatif-heading">
      <h2 id="whatif-heading">{canEdit ? t('whatIf.title') : t('whatIf.titleViewer')}</h2>
      <p className="muted">{t('whatIf.lead')}</p>
      <Form
        method="post"
        {...getFormProps(form)}
        onChange={(event) => {
          const f = new FormData(event.currentTarget);
          whatIf.setDraft({
            horizonYears: String(f.get('horizonYears') ?? ''),
            discountRate: String(f.get('discountRate') ?? ''),
            confidence: String(f.get('confidence') ?? ''),
            rampUp: String(f.get('rampUp') ?? ''),
          });
        }}
        onReset={whatIf.reset}
      >
        <input type="hidden" name="intent" value="assumptions" />
        <input type="hidden" name="version" value={version} />
        <FormErrors errors={form.errors} />
        <div className="row">
          {(
            [
              ['horizonYears', t('assumptions.horizon'), 'numeric'],
              ['discountRate', t('assumptions.discountRate'), 'decimal'],
              ['confidence', t('assumptions.confidence'), 'decimal'],
            ] as const
          ).map(([name, label, mode]) => (
            <div className="field" key={name}>
              <label htmlFor={fields[name].id}>{label}</label>
              <input {...getInputProps(fields[name], { type: 'text' })} key={fields[name].key} inputMode={mode} aria-invalid={invalid(name)} />
              <FieldErrors id={fields[name].errorId} errors={fields[name].errors} />
            </div>
          ))}
          <div className="field wide">
            <label htmlFor={fields.rampUp.id}>{t('assumptions.rampUp')}</label>
            <input
              {...getInputProps(fields.rampUp, { type: 'text', ariaDescribedBy: `${fields.rampUp.id}-hint` })}
              key={fields.rampUp.key}
              aria-invalid={invalid('rampUp')}
            />
            <p className="field-hint" id={`${fields.rampUp.id}-hint`}>
              {t('assumptions.rampUpHint')}
            </p>
            <FieldErrors id={fields.rampUp.errorId} errors={fields.rampUp.errors} />
          </div>
        </div>
        <div className="row">
          {canEdit ? <button type="submit">{t('whatIf.save')}</button> : null}
          <button type="reset" className="secondary">
            {t('whatIf.reset')}
          </button>
        </div>
      </Form>
    </section>
  );
}
