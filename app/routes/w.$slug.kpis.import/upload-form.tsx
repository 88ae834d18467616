// Step one of the import: the file to check. Without JavaScript a plain multipart post to the import
// page; with it, XMLHttpRequest to the check route, which reports upload progress (fetch does not).
import { getFormProps, getInputProps, useForm } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldErrors, FormErrors } from '~/components/ui/field';
import { KpiCsvPreviewSchema } from '~/lib/schemas/kpis';
import type { checkCsvUpload } from '~/server/kpi-import.server';

/** What the check route answers, as the server module builds it. */
type CheckResult = Awaited<ReturnType<typeof checkCsvUpload>> & { intent: 'preview'; status: 'done' | 'invalid'; message: null };

const STATUS_ERRORS: Record<number, string> = { 403: 'forbidden', 404: 'notFound', 413: 'measures.fileTooLarge' };

export function UploadForm({ uploader, refusal }: { uploader: ReturnType<typeof useUploadWithProgress>; refusal: string | null }) {
  const { t } = useTranslation('imports');
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formAction?.endsWith('/kpis/import');
  const busyIntent = busy ? navigation.formData?.get('intent') : null;
  const { progress, upload } = uploader;
  const [form, fields] = useForm({
    id: 'kpi-upload',
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: KpiCsvPreviewSchema }),
    onSubmit: upload.submit,
  });
  return (
    <section className="panel" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{t('uploadTitle')}</h2>
      {refusal ? <FormErrors errors={[refusal]} /> : null}
      <Form method="post" encType="multipart/form-data" className="row" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor={fields.file.id}>{t('file')}</label>
          <input {...getInputProps(fields.file, { type: 'file', ariaDescribedBy: 'kpi-file-hint' })} accept=".csv,text/csv" required />
          <p className="field-hint" id="kpi-file-hint">
            {t('fileHint')}
          </p>
          <FieldErrors id={fields.file.errorId} errors={fields.file.errors} />
        </div>
        <div className="field shrink">
          <button type="submit" disabled={busy || progress !== null}>
            {t('check')}
          </button>
        </div>
      </Form>
      {progress !== null ? (
        <div className="import-progress" role="status">
          {progress < 100 ? (
            <>
              <progress max={100} value={progress} aria-label={t('uploading', { percent: progress })} />
              <span>{t('uploading', { percent: progress })}</span>
            </>
          ) : (
            <>
              <progress aria-label={t('checking')} />
              <span>{t('checking')}</span>
            </>
          )}
        </div>
      ) : busy ? (
        <div className="import-progress" role="status">
          <progress aria-label={t(busyIntent === 'import' ? 'importing' : 'checking')} />
          <span>{t(busyIntent === 'import' ? 'importing' : 'checking')}</span>
        </div>
      ) : null}
    </section>
  );
}

/** Posts the upload form with XMLHttpRequest, which reports upload progress (0-100, then checking). */
export function useUploadWithProgress(url: string) {
  const [progress, setProgress] = useState<number | null>(null);
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [upload] = useState(() => ({
    reset: () => {
      setChecked(null);
      setUploadError(null);
    },
    submit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.responseType = 'json';
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) setProgress(Math.min(99, Math.round((e.loaded * 100) / e.total)));
      };
      xhr.upload.onload = () => setProgress(100);
      xhr.onload = () => {
        setProgress(null);
        const body = xhr.response as (Partial<CheckResult> & { message?: string | null }) | null;
        if (body?.preview) setChecked(body as CheckResult);
        else setUploadError(body?.message ?? STATUS_ERRORS[xhr.status] ?? 'badRequest');
      };
      xhr.onerror = () => {
        setProgress(null);
        setUploadError('badRequest');
      };
      setChecked(null);
      setUploadError(null);
      setProgress(0);
      xhr.send(new FormData(event.currentTarget));
    },
  }));
  return { progress, checked, uploadError, upload };
}
