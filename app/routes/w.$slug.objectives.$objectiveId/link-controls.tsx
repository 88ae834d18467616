// The controls the objective's link sections share: unlink one item, pick several to link.
import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { FieldErrors } from '~/components/ui/field';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { LinkSchema, UnlinkSchema, type ObjectiveLinkKind } from '~/lib/schemas/objectives';

export function UnlinkButton({ kind, id, version, label }: { kind: ObjectiveLinkKind; id: string; version: number; label: string }) {
  const { t } = useTranslation('objectives');
  return (
    <ButtonForm id={`unlink-${kind}-${id}-${version}`} schema={UnlinkSchema} fields={{ intent: 'unlink', kind, id, version }}>
      <button type="submit" className="secondary small" aria-label={label}>
        {t('links.unlink')}
      </button>
    </ButtonForm>
  );
}

/** A list of ticked boxes and one button: links every ticked item at once. */
export function LinkPicker({
  kind,
  version,
  legend,
  options,
  reply,
  children,
}: {
  kind: ObjectiveLinkKind;
  version: number;
  legend: string;
  options: readonly { id: string; label: ReactNode }[];
  reply?: ActionReply;
  children?: ReactNode;
}) {
  const { t } = useTranslation('objectives');
  const [form, fields] = useForm({
    id: `link-${kind}-${version}`,
    lastResult: lastResultFor(reply, 'link', kind),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="link-picker" preventScrollReset>
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="version" value={version} />
      <FormProvider context={form.context}>
        <fieldset aria-describedby={fields.ids.errors ? fields.ids.errorId : undefined}>
          <legend>{legend}</legend>
          {children}
          {options.length === 0 ? (
            <p className="muted small">{t('links.nothingToLink')}</p>
          ) : (
            <ul className="picker-options">
              {options.map((o) => (
                <li key={o.id}>
                  <label>
                    <input type="checkbox" name={fields.ids.name} value={o.id} /> {o.label}
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldErrors id={fields.ids.errorId} errors={fields.ids.errors} />
        </fieldset>
      </FormProvider>
      {options.length ? (
        <button type="submit" className="small">
          {t('links.linkSelected')}
        </button>
      ) : null}
    </Form>
  );
}
