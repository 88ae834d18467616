// The workspace's scoring criteria: read by everyone (what the weighted score counts), managed by
// owners (add, rename, weight, direction, delete). One form per criterion and one for a new one,
// each taking only the answer meant for it.
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { Field, FormErrors, SelectField } from '~/components/ui/field';
import { CRITERION_DIRECTIONS } from '~/domain/vocabulary';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { formatNumber } from '~/lib/format';
import { DeleteCriterionSchema, MAX_CRITERIA, criterionSchema } from '~/lib/schemas/priorities';
import { useWorkspace } from '~/lib/workspace';
import type { Priorities } from '~/server/priorities.server';

type Criterion = Priorities['criteria'][number];
type Answer = { intent?: unknown; rowId?: unknown; status?: unknown; result?: unknown } | null | undefined;

export function CriteriaPanel({ criteria, isOwner, answer }: { criteria: Priorities['criteria']; isOwner: boolean; answer: Answer }) {
  const { t } = useTranslation('priorities');
  const { workspace } = useWorkspace();
  return (
    <section className="panel" aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">{t('criteria.title')}</h2>
      <p className="muted small">{t('criteria.lead')}</p>
      {criteria.length === 0 ? <p className="muted">{isOwner ? t('criteria.emptyOwner') : t('criteria.empty')}</p> : null}
      {isOwner ? (
        <>
          <ul className="criteria-forms">
            {criteria.map((c) => (
              <li key={c.id}>
                <CriterionForm criterion={c} answer={answer} />
              </li>
            ))}
          </ul>
          {criteria.length < MAX_CRITERIA ? (
            <>
              <h3>{t('criteria.new')}</h3>
              <CriterionForm answer={answer} />
            </>
          ) : (
            <p className="muted small">{t('criteria.max', { count: MAX_CRITERIA })}</p>
          )}
        </>
      ) : criteria.length > 0 ? (
        <ul className="criteria-list">
          {criteria.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {t('criteria.summary', { weight: formatNumber(c.weight, workspace.locale), direction: t(`criteria.directions.${c.direction}`) })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** A weight as the person types it back: '1.5' -> '1,5' in French. */
const weightInput = (weight: string, locale: string) => {
  const plain = weight.includes('.') ? weight.replace(/0+$/, '').replace(/\.$/, '') : weight;
  return locale === 'fr' ? plain.replace('.', ',') : plain;
};

function CriterionForm({ criterion, answer }: { criterion?: Criterion; answer: Answer }) {
  const { t } = useTranslation('priorities');
  const { workspace } = useWorkspace();
  const intent = criterion ? 'updateCriterion' : 'createCriterion';
  const rowId = criterion?.id ?? 'new';
  const schema = useMemo(() => criterionSchema(workspace.locale), [workspace.locale]);
  const stale = answerFor(answer, intent, rowId)?.status === 'stale';
  // Several criteria's forms on one page: each control's name says which criterion it is about.
  const named = (label: string) =>
    criterion ? (
      <>
        {label}
        <span className="visually-hidden"> ({criterion.name})</span>
      </>
    ) : (
      label
    );
  const [form, fields] = useForm({
    id: `criterion-${rowId}-${criterion?.version ?? 0}`,
    lastResult: lastResultFor(answer, intent, rowId, { resetOnDone: !criterion }),
    defaultValue: criterion
      ? { name: criterion.name, weight: weightInput(criterion.weight, workspace.locale), direction: criterion.direction }
      : { weight: '1', direction: 'higher_is_better' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <div className="criterion">
      <Form method="post" {...getFormProps(form)} className="row criterion-form" preventScrollReset>
        {stale ? <FormErrors errors={['staleVersion']} /> : null}
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value={intent} />
        {criterion ? (
          <>
            <input type="hidden" name="criterionId" value={criterion.id} />
            <input type="hidden" name="version" value={criterion.version} />
          </>
        ) : null}
        <Field label={named(t('criteria.name'))} field={fields.name} />
        <Field label={named(t('criteria.weight'))} field={fields.weight} inputMode="decimal" hint={criterion ? undefined : t('criteria.weightHint')} />
        <SelectField
          label={named(t('criteria.direction'))}
          field={fields.direction}
          options={CRITERION_DIRECTIONS.map((d) => ({ value: d, label: t(`criteria.directions.${d}`) }))}
        />
        <div className="field actions">
          <button type="submit" className={criterion ? 'secondary' : undefined}>
            {criterion ? t('criteria.save') : t('criteria.add')}
          </button>
        </div>
      </Form>
      {criterion ? (
        <>
          <ButtonForm
            id={`delete-criterion-${criterion.id}`}
            schema={DeleteCriterionSchema}
            fields={{ intent: 'deleteCriterion', criterionId: criterion.id }}
            confirm={t('criteria.deleteConfirm', { name: criterion.name })}
          >
            <button type="submit" className="danger small" aria-label={t('criteria.deleteNamed', { name: criterion.name })}>
              {t('criteria.delete')}
            </button>
          </ButtonForm>
        </>
      ) : null}
    </div>
  );
}
