// The project's details (name, status, owner, start date, description), versioned like the
// assumptions: a save based on an old version is refused and the page shows the current content.
import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ProjectFields } from '~/components/projects/project-fields';
import { FormErrors } from '~/components/ui/field';
import type { ProjectStatus } from '~/domain/vocabulary';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { ProjectDetailsSchema } from '~/lib/schemas/projects';

export interface DetailsProject {
  name: string;
  description: string;
  ownerId: string | null;
  status: ProjectStatus;
  startDate: string | null;
  version: number;
}

export function DetailsForm({ p, members, reply }: { p: DetailsProject; members: readonly { id: string; name: string }[]; reply?: ActionReply }) {
  const { t } = useTranslation('projects');
  const [form] = useForm({
    id: `details-${p.version}`,
    lastResult: lastResultFor(reply, 'details'),
    defaultValue: { name: p.name, description: p.description, ownerId: p.ownerId ?? '', status: p.status, startDate: p.startDate ?? '' },
    constraint: getZodConstraint(ProjectDetailsSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProjectDetailsSchema }),
    shouldValidate: 'onBlur',
  });
  return (
    <section className="panel no-print" aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details.title')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="details" />
        <input type="hidden" name="version" value={p.version} />
        <FormErrors errors={form.errors} />
        <FormProvider context={form.context}>
          <ProjectFields members={members} descriptionRows={3} />
        </FormProvider>
        <button type="submit">{t('details.save')}</button>
      </Form>
    </section>
  );
}
