// The editor's side of a dashboard: add a measure from the library, change the details (name,
// audience, shared), delete it, and the refusal of a change based on an old version.
import { getFormProps, getSelectProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { DashboardForm } from '~/components/dashboards/dashboard-form';
import { ButtonForm } from '~/components/ui/button-form';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { DASHBOARD_MAX_MEASURES } from '~/domain/dashboards';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { DashboardAddMeasureSchema, DashboardDeleteSchema } from '~/lib/schemas/dashboards';
import type { DashboardRow } from '~/server/dashboards.server';

type Answer = { intent?: unknown; status?: unknown; result?: unknown; message?: unknown } | null | undefined;

/** Why the last change was refused, for the changes made with buttons (move, remove, delete). */
export function ChangeRefused({ answer }: { answer: Answer }) {
  const mine = answerFor(answer, ['moveMeasure', 'removeMeasure', 'delete']);
  if (!mine || mine.status === 'done') return null;
  const message = mine.status === 'stale' ? 'staleVersion' : typeof mine.message === 'string' ? mine.message : 'badRequest';
  return <FormErrors errors={[message]} />;
}

export function AddMeasure({
  version,
  choices,
  full,
  answer,
}: {
  version: number;
  choices: readonly { id: string; name: string }[];
  full: number;
  answer: Answer;
}) {
  const { t } = useTranslation('indicators');
  const mine = answerFor(answer, 'addMeasure');
  const [form, fields] = useForm({
    id: `add-measure-${version}`,
    lastResult: lastResultFor(answer, 'addMeasure'),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DashboardAddMeasureSchema }),
  });
  if (full >= DASHBOARD_MAX_MEASURES || choices.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="add-measure-heading">
      <h2 id="add-measure-heading">{t('dashboards.add')}</h2>
      <Form method="post" {...getFormProps(form)} className="row add-measure">
        {mine?.status === 'stale' ? <FormErrors errors={['staleVersion']} /> : null}
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="addMeasure" />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor={fields.measureId.id}>{t('dashboards.measure')}</label>
          <select {...getSelectProps(fields.measureId)} key={fields.measureId.key}>
            <option value="">{t('dashboards.choose')}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.measureId.errorId} errors={fields.measureId.errors} />
        </div>
        <div className="field">
          <button type="submit">{t('dashboards.addButton')}</button>
        </div>
      </Form>
    </section>
  );
}

export function EditDashboard({ dashboard, answer }: { dashboard: DashboardRow; answer: Answer }) {
  const { t } = useTranslation('indicators');
  const update = answerFor(answer, 'update');
  return (
    <section className="panel" aria-labelledby="edit-dashboard-heading">
      <h2 id="edit-dashboard-heading">{t('dashboards.edit')}</h2>
      {update?.status === 'done' ? (
        <p className="notice" role="status">
          {t('dashboards.saved')}
        </p>
      ) : null}
      <DashboardForm
        key={dashboard.version}
        id={`dashboard-${dashboard.id}-${dashboard.version}`}
        intent="update"
        version={dashboard.version}
        defaults={dashboard}
        lastResult={lastResultFor(answer, 'update')}
        formErrors={update?.status === 'stale' ? ['staleVersion'] : undefined}
        submitLabel={t('dashboards.save')}
      />
      <ButtonForm
        id={`delete-dashboard-${dashboard.version}`}
        schema={DashboardDeleteSchema}
        fields={{ intent: 'delete', version: dashboard.version }}
        confirm={t('dashboards.deleteConfirm', { name: dashboard.name })}
      >
        <button type="submit" className="danger small">
          {t('dashboards.delete')}
        </button>
      </ButtonForm>
    </section>
  );
}
