// The fields an objective is described by (name, owner, parent, period, target, description), shared
// by the new-objective form and the objective's edit form. The target is money (an amount and an
// impact type) or a value of a measure; before JavaScript both target groups show, after it only the
// chosen one (the server reads the chosen one only).
import { getInputProps, getSelectProps, getTextareaProps, useField } from '@conform-to/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors } from '~/components/ui/field';
import { MAX_OBJECTIVE_DEPTH } from '~/domain/objectives';
import { IMPACT_TYPES, OBJECTIVE_TARGET_KINDS, type ObjectiveTargetKind } from '~/domain/vocabulary';
import { useHydrated } from '~/lib/use-hydrated';

export interface ParentOption {
  id: string;
  name: string;
  depth: number;
  parentId: string | null;
}

/** Parents an objective may take: not itself nor anything under it, and not at the last level. */
export function parentChoices(options: readonly ParentOption[], self: string | null): ParentOption[] {
  const excluded = new Set<string>(self ? [self] : []);
  // Options come in tree order, so a descendant always follows its parent.
  for (const o of options) if (o.parentId && excluded.has(o.parentId)) excluded.add(o.id);
  return options.filter((o) => !excluded.has(o.id) && o.depth < MAX_OBJECTIVE_DEPTH);
}

function TextInput({ name, label, type = 'text', inputMode }: { name: string; label: string; type?: 'text' | 'date'; inputMode?: 'decimal' }) {
  const [field] = useField<string>(name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...getInputProps(field, { type })} key={field.key} inputMode={inputMode} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

function Select({ name, label, options }: { name: string; label: string; options: readonly { value: string; label: string }[] }) {
  const [field] = useField<string>(name);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...getSelectProps(field)} key={field.key}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

/** Inside a Conform `<FormProvider>` whose schema is objectiveSchema. */
export function ObjectiveFields({
  members,
  parents,
  measures,
  currency,
}: {
  members: readonly { id: string; name: string }[];
  parents: readonly ParentOption[];
  measures: readonly { id: string; name: string }[];
  currency: string;
}) {
  const { t } = useTranslation('objectives');
  const { t: tm } = useTranslation('measures');
  const [kindField] = useField<string>('targetKind');
  const [description] = useField<string>('description');
  const [kind, setKind] = useState<ObjectiveTargetKind>(kindField.initialValue === 'measure' ? 'measure' : 'money');
  const hydrated = useHydrated();
  return (
    <>
      <div className="row">
        <TextInput name="name" label={t('fields.name')} />
        <Select
          name="ownerId"
          label={t('fields.owner')}
          options={[{ value: '', label: t('noOwner') }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
        />
        <Select
          name="parentId"
          label={t('fields.parent')}
          options={[{ value: '', label: t('noParent') }, ...parents.map((p) => ({ value: p.id, label: `${'— '.repeat(p.depth - 1)}${p.name}` }))]}
        />
      </div>
      <div className="row">
        <TextInput name="startDate" label={t('fields.startDate')} type="date" />
        <TextInput name="endDate" label={t('fields.endDate')} type="date" />
      </div>
      <fieldset className="target-kind">
        <legend>{t('fields.targetKind')}</legend>
        {OBJECTIVE_TARGET_KINDS.map((k) => (
          <label key={k} className="inline">
            <input
              type="radio"
              name={kindField.name}
              value={k}
              defaultChecked={kind === k}
              onChange={() => setKind(k)}
              aria-describedby={kindField.errors ? kindField.errorId : undefined}
            />{' '}
            {t(`targetKind.${k}`, { currency })}
          </label>
        ))}
        <FieldErrors id={kindField.errorId} errors={kindField.errors} />
      </fieldset>
      {!hydrated || kind === 'money' ? (
        <div className="row" data-target="money">
          <TextInput name="targetAmount" label={t('fields.targetAmount', { currency })} inputMode="decimal" />
          <Select
            name="impactType"
            label={t('fields.impactType')}
            options={[{ value: '', label: t('choose') }, ...IMPACT_TYPES.map((i) => ({ value: i, label: tm(`impactType.${i}`) }))]}
          />
        </div>
      ) : null}
      {!hydrated || kind === 'measure' ? (
        <div className="row" data-target="measure">
          <Select
            name="measureId"
            label={t('fields.measure')}
            options={[{ value: '', label: t('choose') }, ...measures.map((m) => ({ value: m.id, label: m.name }))]}
          />
          <TextInput name="targetValue" label={t('fields.targetValue')} inputMode="decimal" />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={description.id}>{t('fields.description')}</label>
        <textarea {...getTextareaProps(description)} key={description.key} rows={2} />
        <FieldErrors id={description.errorId} errors={description.errors} />
      </div>
    </>
  );
}
