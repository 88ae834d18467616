// Labelled form controls wired to Conform: errors render beside the field and are announced.
import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { FieldErrors } from './field-errors';

export { FieldErrors, FormErrors } from './field-errors';

type InputType = 'text' | 'email' | 'password' | 'number' | 'date' | 'hidden' | 'url' | 'search';

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
