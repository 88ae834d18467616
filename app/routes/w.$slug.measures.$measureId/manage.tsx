// Archive / restore a measure, and delete it when no KPI uses it (refused with a message otherwise).
import { useTranslation } from 'react-i18next';
import { ButtonForm } from '~/components/ui/button-form';
import { FormErrors } from '~/components/ui/field';
import { MeasureArchiveSchema, MeasureDeleteSchema } from '~/lib/schemas/measures';
import { answerFor, type ActionReply } from '~/lib/action-result';

export function ManageMeasure({
  measure,
  archived,
  used,
  reply,
}: {
  measure: { name: string };
  archived: boolean;
  used: boolean;
  reply?: ActionReply & { message?: string };
}) {
  const { t } = useTranslation(['measures', 'library']);
  const refused = answerFor(reply, 'delete')?.status === 'invalid' ? reply?.message : undefined;
  return (
    <section className="panel danger-zone" aria-labelledby="archive-heading">
      <h2 id="archive-heading">{t('measure.manage')}</h2>
      <div className="row">
        <ButtonForm id="archive-measure" schema={MeasureArchiveSchema} fields={{ intent: archived ? 'restore' : 'archive' }} className="">
          <button type="submit" className="secondary">
            {archived ? t('measure.restore') : t('measure.archive')}
          </button>
        </ButtonForm>
        <ButtonForm
          id="delete-measure"
          schema={MeasureDeleteSchema}
          fields={{ intent: 'delete' }}
          confirm={t('measure.deleteConfirm', { name: measure.name })}
          className=""
        >
          <button type="submit" className="danger">
            {t('measure.delete')}
          </button>
        </ButtonForm>
      </div>
      {used ? <p className="muted small">{t('measure.deleteHint')}</p> : null}
      {refused ? <FormErrors errors={[refused]} /> : null}
    </section>
  );
}
