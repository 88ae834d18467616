// The form for a new project (editors): name, status, owner, start date, description.
import { FormProvider, getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ProjectFields } from '~/components/projects/project-fields';
import { FormErrors } from '~/components/ui/field';
import { lastResultFor, type ActionReply } from '~/lib/action-result';
import { ProjectCreateSchema } from '~/lib/schemas/projects';
import { useWorkspace } from '~/lib/workspace';

export function NewProjectForm({ members, reply }: { members: readonly { id: string; name: string }[]; reply?: ActionReply }) {
  const { user } = useWorkspace();
  const { t } = useTranslation('projects');
  const [form] = useForm({
    id: 'new-project',
    lastResult: lastResultFor(reply, 'create'),
    defaultValue: { status: 'idea', ownerId: user.id },
    constraint: getZodConstraint(ProjectCreateSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProjectCreateSchema }),
    shouldValidate: 'onBlur',
  });
  return (
    <section className="panel" aria-labelledby="new-project-heading">
      <h2 id="new-project-heading">{t('list.new')}</h2>
      <p className="muted">{t('list.newLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <FormErrors errors={form.errors} />
        <FormProvider context={form.context}>
          <ProjectFields members={members} descriptionRows={2} />
        </FormProvider>
        <button type="submit">{t('list.create')}</button>
      </Form>
    </section>
  );
}
