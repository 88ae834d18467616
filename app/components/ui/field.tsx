// Labelled form controls wired to Conform: errors render beside the field and are announced.
import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type InputType = 'text' | 'email' | 'password' | 'number' | 'date' | 'hidden' | 'url' | 'search';

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

export function Field({
  label,
  field,
  type = 'text',
  hint,
  autoComplete,
  autoFocus,
  inputMode,
  placeholder,
}: {
  label: ReactNode;
  field: FieldMetadata<string | number | undefined | null>;
  type?: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
}) {
  const hintId = hint ? `${field.id}-hint` : undefined;
  const props = getInputProps(field as FieldMetadata<string>, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <input {...props} key={props.key} autoComplete={autoComplete} autoFocus={autoFocus} inputMode={inputMode} placeholder={placeholder} />
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function SelectField({
  label,
  field,
  options,
}: {
  label: ReactNode;
  field: FieldMetadata<string | undefined | null>;
  options: { value: string; label: string }[];
}) {
  const props = getSelectProps(field as FieldMetadata<string>);
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <select {...props} key={props.key}>
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
