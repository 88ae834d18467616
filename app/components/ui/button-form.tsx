// A form that is only a button and hidden fields (delete, archive, unlink, revoke...), still a
// Conform form checked with the action's own schema, and a plain POST before JavaScript loads.
import { getFormProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import type { z } from 'zod';

export function ButtonForm({
  id,
  schema,
  fields,
  confirm,
  className = 'inline-form',
  preventScrollReset,
  children,
}: {
  /** Unique on the page (e.g. `delete-cost-${id}`). */
  id: string;
  schema: z.ZodTypeAny;
  /** The hidden fields, `intent` included. */
  fields: Record<string, string | number>;
  /** Asked before submitting; cancelling keeps the page as it is. */
  confirm?: string;
  className?: string;
  /** Keeps the page where it is (a form in a panel over the map). */
  preventScrollReset?: boolean;
  children: ReactNode;
}) {
  const [form] = useForm({ id, onValidate: ({ formData }) => parseWithZod(formData, { schema }) });
  const props = getFormProps(form);
  return (
    <Form
      method="post"
      preventScrollReset={preventScrollReset}
      {...props}
      className={className}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) {
          event.preventDefault();
          return;
        }
        props.onSubmit(event);
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </Form>
  );
}
