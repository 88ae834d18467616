// A field's errors and a form's errors, as keys of the "errors" namespace. Apart from the Conform
// controls (field.tsx) so that forms which post plainly (the map editor) do not load Conform.
import { useTranslation } from 'react-i18next';

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  const { t } = useTranslation('errors');
  if (!errors?.length) return null;
  return (
    <ul id={id} className="field-errors" aria-live="polite">
      {errors.map((e) => (
        <li key={e}>{t(e)}</li>
      ))}
    </ul>
  );
}

export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation('errors');
  if (!errors?.length) return null;
  return (
    <div className="form-errors" role="alert" id={id}>
      {errors.map((e) => (
        <p key={e}>{t(e)}</p>
      ))}
    </div>
  );
}
