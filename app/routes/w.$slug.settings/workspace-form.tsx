// The workspace's general settings: a versioned form for owners, read-only for everyone else.
import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FormErrors, SelectField } from '~/components/ui/field';
import type { Locale } from '~/domain/vocabulary';
import { lastResultFor, answerFor, type ActionReply } from '~/lib/action-result';
import { CURRENCIES } from '~/lib/format';
import { WorkspaceSettingsSchema } from '~/lib/schemas/workspace';
import { useWorkspace } from '~/lib/workspace';

export interface WorkspaceSettings {
  name: string;
  currency: string;
  locale: Locale;
  timeZone: string;
  version: number;
}

export function WorkspaceForm({ settings, timeZones, reply }: { settings: WorkspaceSettings; timeZones: readonly string[]; reply?: ActionReply }) {
  const { isOwner } = useWorkspace();
  const { t } = useTranslation(['common', 'pages']);
  const mine = answerFor(reply, 'settings');
  const [form, fields] = useForm({
    id: `settings-${settings.version}`,
    lastResult: lastResultFor(reply, 'settings'),
    defaultValue: settings,
    constraint: getZodConstraint(WorkspaceSettingsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WorkspaceSettingsSchema }),
  });
  return (
    <section className="panel" aria-labelledby="general-heading">
      <h2 id="general-heading">{t('settings.general')}</h2>
      {isOwner ? (
        <Form method="post" {...getFormProps(form)}>
          {mine?.status === 'done' ? (
            <p className="notice" role="status">
              {t('settings.saved')}
            </p>
          ) : null}
          {mine?.status === 'stale' ? <FormErrors errors={['staleVersion']} /> : null}
          <FormErrors errors={form.errors} />
          <input type="hidden" name="intent" value="settings" />
          <input type="hidden" name="version" value={settings.version} />
          <div className="row">
            <Field label={t('fields.workspaceName')} field={fields.name} />
            <SelectField label={t('fields.currency')} field={fields.currency} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            <SelectField
              label={t('fields.workspaceLocale')}
              field={fields.locale}
              options={[
                { value: 'en', label: t('languages.en') },
                { value: 'fr', label: t('languages.fr') },
              ]}
            />
            <SelectField label={t('fields.timeZone')} field={fields.timeZone} options={timeZones.map((zone) => ({ value: zone, label: zone }))} />
          </div>
          <button type="submit">{t('settings.save')}</button>
        </Form>
      ) : (
        <dl>
          <dt>{t('fields.workspaceName')}</dt>
          <dd>{settings.name}</dd>
          <dt>{t('fields.currency')}</dt>
          <dd>{settings.currency}</dd>
          <dt>{t('fields.workspaceLocale')}</dt>
          <dd>{t(`languages.${settings.locale}`)}</dd>
          <dt>{t('fields.timeZone')}</dt>
          <dd>{settings.timeZone}</dd>
        </dl>
      )}
    </section>
  );
}
