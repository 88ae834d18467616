// "Add standard measures": the starter catalogue as checkboxes (the recommended four checked), added
// in one step; names already in the library are shown as such and skipped.
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RECOMMENDED_STARTER_KEYS, STARTER_CATALOGUE } from '~/domain/starter-catalogue';
import type { Locale } from '~/domain/vocabulary';
import { StarterSchema } from '~/lib/schemas/measures';

export function StarterCatalogueForm({ locale, taken, result }: { locale: Locale; taken: string[]; result?: { added: number; skipped: number } }) {
  const { t } = useTranslation(['measures', 'library']);
  const takenSet = new Set(taken);
  const [form] = useForm({ id: 'starter', onValidate: ({ formData }) => parseWithZod(formData, { schema: StarterSchema }) });
  return (
    <Form method="post" {...getFormProps(form)} className="starter-form">
      <input type="hidden" name="intent" value="starter" />
      {result ? (
        <p className="notice" role="status">
          {t('starter.done', { added: t('starter.added', { count: result.added }), skipped: t('starter.skipped', { count: result.skipped }) })}
        </p>
      ) : null}
      <fieldset>
        <legend>{t('starter.legend', { count: STARTER_CATALOGUE.length })}</legend>
        <ul className="starter-list">
          {STARTER_CATALOGUE.map((m) => (
            <li key={m.key}>
              <label>
                <input
                  type="checkbox"
                  name="keys"
                  value={m.key}
                  defaultChecked={RECOMMENDED_STARTER_KEYS.includes(m.key) && !takenSet.has(m.key)}
                  disabled={takenSet.has(m.key)}
                />{' '}
                <strong>{m.name[locale]}</strong> <span className="muted small">({t(`trend.${m.trend}`)})</span>
                {takenSet.has(m.key) ? <span className="muted small"> · {t('starter.already')}</span> : null}
                <br />
                <span className="muted small">{m.description[locale]}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit">{t('starter.add')}</button>
    </Form>
  );
}
