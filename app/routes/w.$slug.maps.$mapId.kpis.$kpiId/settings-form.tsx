// The KPI's one form: its current value (recorded in the history on its date when it changed), target,
// baseline and their dates, what it represents and how its impact is counted. One submit, one
// transaction, saved with the version the form was drawn from. Someone else's save arriving meanwhile
// (a live update) draws the form again only if the user has typed nothing; otherwise their text stays
// and a note says so. A save based on an old version is refused and the panel compares both versions
// in place: "Keep theirs" draws the form again with the saved settings, "Apply mine on top" saves the
// user's against them. The form posts through a fetcher: its answer ("Saved.", a conflict) outlives
// the revalidations that follow (a live update drops a navigation's action data, and React may never
// render the page between the two); without JavaScript it is a plain post and the route passes the
// action's answer in `answer`.
import { getFormProps, getTextareaProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { useFetcher, useLocation, type FetcherWithComponents } from '@remix-run/react';
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalForInput } from '~/components/measures/unit';
import { Field, FieldErrors, FormErrors, SelectField } from '~/components/ui/field';
import { answerFor, lastResultFor } from '~/lib/action-result';
import { formIsDirty } from '~/lib/draft';
import { formatDate } from '~/lib/format';
import { kpiSettingsSchema } from '~/lib/schemas/measures';
import { useWorkspace } from '~/lib/workspace';
import type { Answer, KpiRow } from './data';

const ConflictNotice = lazy(() => import('~/components/ui/conflict'));

/** A refused stale save: the settings as saved now, and what was sent. */
type Conflict = { status: 'stale'; current: Record<string, unknown>; result?: { initialValue?: Record<string, unknown> } };

/** The fields the comparison lists, in the form's order (the current value's date is today's by default: not compared). */
const COMPARED = ['currentValue', 'targetValue', 'targetDate', 'baselineValue', 'baselineDate', 'note', 'impactMode', 'manualAmount'] as const;
const DECIMALS = new Set(['currentValue', 'targetValue', 'baselineValue', 'manualAmount']);
const DATES = new Set(['targetDate', 'baselineDate']);

/** A settings answer: a done one carries the version the save produced. */
type SettingsAnswer = (NonNullable<Answer> & { value?: { version?: number } | null }) | null | undefined;

export function SettingsForm({
  answer: posted,
  kpi,
  current,
  today,
}: {
  /** The action's answer to a post without JavaScript (the fetcher's answer otherwise). */
  answer: Answer;
  kpi: KpiRow;
  current: string | null;
  today: string;
}) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const location = useLocation();
  const fetcher = useFetcher<SettingsAnswer>();
  const answer: SettingsAnswer = fetcher.data ?? (posted as SettingsAnswer);
  const mine = answerFor(answer, 'settings');
  // The KPI as shown is the one this user's last save produced: "Saved." (until anyone changes it again).
  const savedHere = mine?.status === 'done' && mine.value?.version === kpi.version;
  // The conflict stays until the user settles it or saves: a revalidation meanwhile (a live update)
  // drops the action's answer.
  const [held, setHeld] = useState<Conflict>();
  const [settled, setSettled] = useState<object>();
  const stale = mine?.status === 'stale' ? (mine as Conflict) : undefined;
  if (stale && stale !== held && stale !== settled) setHeld(stale);
  if (held && mine?.status === 'done') setHeld(undefined);
  const conflict = held !== settled && mine?.status !== 'done' ? held : undefined;
  // What the form was drawn from; drawn again (n) when the user keeps theirs or has nothing typed.
  const [drawn, setDrawn] = useState({ kpi, current, n: 0 });
  const [overtaken, setOvertaken] = useState(false);
  const formId = `kpi-settings-${drawn.kpi.version}-${drawn.n}`;
  const latest = useRef({ kpi, current, conflict, landed: savedHere });
  latest.current = { kpi, current, conflict, landed: savedHere };
  useEffect(() => {
    const now = latest.current;
    if (now.kpi.version === drawn.kpi.version || now.conflict) return;
    if (now.landed || !formIsDirty(document.getElementById(formId) as HTMLFormElement | null)) {
      setDrawn((d) => ({ kpi: now.kpi, current: now.current, n: d.n + 1 }));
      setOvertaken(false);
    } else {
      setOvertaken(true);
    }
  }, [kpi.version, drawn.kpi.version, formId]);

  const keepTheirs = () => {
    setSettled(conflict);
    setDrawn((d) => ({ kpi: latest.current.kpi, current: latest.current.current, n: d.n + 1 }));
    setOvertaken(false);
  };
  const show = (name: string, value: unknown) => {
    const text = value === null || value === undefined ? '' : String(value);
    if (!text) return '';
    if (DECIMALS.has(name)) return decimalForInput(text, workspace.locale) ?? text;
    if (DATES.has(name)) return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text, workspace.locale) : text;
    if (name === 'impactMode') return t(`impact.${text}`);
    return text;
  };
  return (
    <section className="panel" aria-labelledby="settings-heading">
      <h3 id="settings-heading">{t('kpi.settingsTitle')}</h3>
      {savedHere && !conflict ? (
        <p className="notice" role="status">
          {t('kpi.saved')}
        </p>
      ) : null}
      {overtaken && !conflict ? <OvertakenNote /> : null}
      <SettingsFields
        key={formId}
        fetcher={fetcher}
        formId={formId}
        answer={conflict ?? (mine?.status === 'stale' ? undefined : answer)}
        kpi={drawn.kpi}
        current={drawn.current}
        today={today}
        version={conflict ? Number(conflict.current.version) : drawn.kpi.version}
      >
        {conflict ? (
          <Suspense fallback={<button type="submit">{t('kpi.saveSettings')}</button>}>
            <ConflictNotice
              id={formId}
              fields={COMPARED.map((name) => ({ name, label: t(`kpi.${name}`) }))}
              theirs={conflict.current}
              yours={conflict.result?.initialValue ?? {}}
              show={show}
              keepTheirsHref={location.pathname}
              onKeepTheirs={keepTheirs}
            />
          </Suspense>
        ) : (
          <button type="submit">{t('kpi.saveSettings')}</button>
        )}
      </SettingsFields>
    </section>
  );
}

/** Someone else saved while the user typed: their text stays (texts of the on-demand "presence" namespace). */
function OvertakenNote() {
  const { t, ready } = useTranslation('presence');
  return (
    <p className="notice warn" role="status">
      {ready ? t('conflict.overtaken') : null}
    </p>
  );
}

function SettingsFields({
  fetcher,
  formId,
  answer,
  kpi,
  current,
  today,
  version,
  children,
}: {
  fetcher: FetcherWithComponents<unknown>;
  formId: string;
  answer: Answer;
  kpi: KpiRow;
  current: string | null;
  today: string;
  version: number;
  children: ReactNode;
}) {
  const { t } = useTranslation('measures');
  const { workspace } = useWorkspace();
  const plain = (v: string | null) => decimalForInput(v, workspace.locale);
  const [form, fields] = useForm({
    id: formId,
    // A refused stale save brings back what was sent: the fields keep the user's text, JavaScript or not.
    lastResult: lastResultFor(answer, 'settings'),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: kpiSettingsSchema(workspace.locale) }),
    defaultValue: {
      currentValue: plain(current),
      currentDate: today,
      note: kpi.note,
      baselineValue: plain(kpi.baselineValue),
      baselineDate: kpi.baselineDate ?? undefined,
      targetValue: plain(kpi.targetValue),
      targetDate: kpi.targetDate ?? undefined,
      impactMode: kpi.impactMode,
      manualAmount: plain(kpi.manualAmount),
    },
  });
  return (
    <fetcher.Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="settings" />
      <input type="hidden" name="version" value={version} />
      <div className="row">
        <Field label={t('kpi.currentValue')} field={fields.currentValue} inputMode="decimal" />
        <Field label={t('kpi.currentDate')} field={fields.currentDate} type="date" />
      </div>
      <p className="muted small">{t('kpi.currentHint')}</p>
      <div className="row">
        <Field label={t('kpi.targetValue')} field={fields.targetValue} inputMode="decimal" />
        <Field label={t('kpi.targetDate')} field={fields.targetDate} type="date" />
      </div>
      <div className="row">
        <Field label={t('kpi.baselineValue')} field={fields.baselineValue} inputMode="decimal" />
        <Field label={t('kpi.baselineDate')} field={fields.baselineDate} type="date" />
      </div>
      <div className="field">
        <label htmlFor={fields.note.id}>{t('kpi.note')}</label>
        <textarea {...getTextareaProps(fields.note)} rows={2} />
        <FieldErrors id={fields.note.errorId} errors={fields.note.errors} />
      </div>
      <div className="row">
        <SelectField
          label={t('kpi.impactMode')}
          field={fields.impactMode}
          options={[
            { value: 'auto', label: t('impact.auto') },
            { value: 'manual', label: t('impact.manual') },
          ]}
        />
        <Field label={t('kpi.manualAmount')} field={fields.manualAmount} inputMode="decimal" />
      </div>
      {children}
    </fetcher.Form>
  );
}
