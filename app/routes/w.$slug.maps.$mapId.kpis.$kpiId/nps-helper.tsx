// The NPS helper of point-based measures: pasted answers (0-10) or a file of them become the NPS of
// a date, recorded as a value; bad answers are listed by position and nothing is written.
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FieldErrors, FormErrors } from '~/components/ui/field';
import type { NpsResult } from '~/domain/nps';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { formatNumber } from '~/lib/format';
import { NpsSchema } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';
import type { Answer } from './data';

type NpsAnswer = NonNullable<Answer> & {
  nps?: NpsResult;
  npsErrors?: { position: number; token: string; code: string }[];
  npsErrorCount?: number;
};

export function NpsHelper({ answer, today }: { answer: Answer; today: string }) {
  const { t } = useTranslation(['measures', 'library']);
  const { workspace } = useWorkspace();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'nps',
    lastResult: lastResultFor(answer, 'nps', undefined, { resetOnDone: true }),
    defaultValue: { date: today },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NpsSchema }),
  });
  const nps = answerFor(answer, 'nps') as NpsAnswer | undefined;
  return (
    <section className="panel" aria-labelledby="nps-heading">
      <h3 id="nps-heading">{t('nps.title')}</h3>
      <p className="muted">{t('nps.lead')}</p>
      {nps?.status === 'done' && nps.nps ? (
        <p className="notice" role="status">
          {t('nps.recorded', {
            nps: formatNumber(nps.nps.nps ?? '0', workspace.locale, 1),
            answers: t('nps.answers', { count: nps.nps.total }),
            promoters: t('nps.promoters', { count: nps.nps.promoters }),
            passives: t('nps.passives', { count: nps.nps.passives }),
            detractors: t('nps.detractors', { count: nps.nps.detractors }),
          })}
        </p>
      ) : null}
      {nps?.npsErrors ? (
        <div className="form-errors" role="alert">
          <p>{t('nps.errors', { count: nps.npsErrorCount })}</p>
          <ul>
            {nps.npsErrors.map((e) => (
              <li key={e.position}>{t(`nps.error.${e.code}`, { position: e.position, token: e.token })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" preventScrollReset encType="multipart/form-data" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value="nps" />
        <div className="field">
          <label htmlFor={fields.answers.id}>{t('nps.answers')}</label>
          <textarea {...getTextareaProps(fields.answers)} rows={4} placeholder="10 9 7 3 8 10 6" />
          <FieldErrors id={fields.answers.errorId} errors={fields.answers.errors} />
        </div>
        <div className="row">
          <div className="field">
            <label htmlFor="nps-file">{t('nps.file')}</label>
            <input id="nps-file" type="file" name="answersFile" accept=".csv,.txt,text/csv,text/plain" />
          </div>
          <Field label={t('kpi.date')} field={fields.date} type="date" />
          <div className="field shrink">
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {t('nps.submit')}
            </button>
          </div>
        </div>
      </Form>
    </section>
  );
}
