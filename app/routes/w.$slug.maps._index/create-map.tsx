// Making a map: a blank one or one from a template (Conform, the action's schema), or the import of
// a JSON export.
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FieldErrors, FormErrors, SelectField } from '~/components/ui/field';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { CreateMapSchema, MapImportSchema } from '~/lib/schemas/maps';

type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown; message?: unknown } | null | undefined;

export function CreateMap({
  answer,
  personas,
  templates,
}: {
  answer: Answer;
  personas: { id: string; name: string }[];
  templates: { id: string; name: string; stages: number }[];
}) {
  const { t } = useTranslation('maps');
  const [form, fields] = useForm({
    id: 'create-map',
    lastResult: lastResultFor(answer, 'create'),
    defaultValue: { state: 'current', template: '' },
    constraint: getZodConstraint(CreateMapSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateMapSchema }),
  });
  return (
    <section className="panel" aria-labelledby="new-map">
      <h2 id="new-map">{t('list.new')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="create" />
        <div className="row">
          <Field label={t('map.name')} field={fields.name} />
          <SelectField
            label={t('list.template')}
            field={fields.template}
            options={[
              { value: '', label: t('list.blank') },
              ...templates.map((tp) => ({
                value: tp.id,
                label: t('list.templateOption', { name: tp.name, stages: t('list.stageCount', { count: tp.stages }) }),
              })),
            ]}
          />
          <SelectField
            label={t('map.persona')}
            field={fields.personaId}
            options={[{ value: '', label: t('map.noPersona') }, ...personas.map((p) => ({ value: p.id, label: p.name }))]}
          />
          <SelectField
            label={t('map.state')}
            field={fields.state}
            options={[
              { value: 'current', label: t('state.current') },
              { value: 'future', label: t('state.future') },
            ]}
          />
        </div>
        <Field label={t('map.description')} field={fields.description} />
        <button type="submit">{t('list.create')}</button>
      </Form>
      <ImportMap answer={answer} />
    </section>
  );
}

function ImportMap({ answer }: { answer: Answer }) {
  const { t } = useTranslation('maps');
  const refused = answerFor(answer, 'import');
  const [form, fields] = useForm({
    id: 'import-map',
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MapImportSchema }),
  });
  const file = getInputProps(fields.file, { type: 'file' });
  const errors = [...(fields.file.errors ?? []), ...(typeof refused?.message === 'string' ? [refused.message] : [])];
  return (
    <details className="import">
      <summary>{t('list.import')}</summary>
      <Form method="post" encType="multipart/form-data" className="row" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="import" />
        <div className="field">
          <label htmlFor={fields.file.id}>{t('list.importFile')}</label>
          <input {...file} key={file.key} accept="application/json,.json" required />
          {errors.length ? (
            <div role="alert">
              <FieldErrors id={fields.file.errorId} errors={errors} />
            </div>
          ) : null}
        </div>
        <div className="field">
          <button type="submit" className="secondary">
            {t('list.importSubmit')}
          </button>
        </div>
      </Form>
    </details>
  );
}
