// Reading the CSV upload of the KPI import (the import page and its check route): the uploaded file,
// or the CSV text the confirm step posts back. An oversized body is refused from its Content-Length
// before it is read. The server module receives only the text.
import { readForm } from '~/server/form.server';
import { MAX_IMPORT_BYTES } from '~/server/kpi-import.server';

export type CsvUpload =
  { intent: string | null; csv: string } | { intent: string | null; status: 400 | 413; message: 'measures.fileTooLarge' | 'measures.fileRequired' };

export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  const tooLarge = { status: 413, message: 'measures.fileTooLarge' } as const;
  // The multipart envelope adds a little around the file.
  if (Number(request.headers.get('Content-Length') ?? '0') > MAX_IMPORT_BYTES + 64 * 1024) return { intent: null, ...tooLarge };
  const formData = await readForm(request);
  const rawIntent = formData.get('intent');
  const intent = typeof rawIntent === 'string' ? rawIntent : null;
  const file = formData.get('file');
  const text = formData.get('csv');
  if (file instanceof File && file.size > 0) return file.size > MAX_IMPORT_BYTES ? { intent, ...tooLarge } : { intent, csv: await file.text() };
  if (typeof text === 'string' && text.trim() !== '') return text.length > MAX_IMPORT_BYTES ? { intent, ...tooLarge } : { intent, csv: text };
  return { intent, status: 400, message: 'measures.fileRequired' };
}

/** A refused upload's answer (its HTTP status is `upload.status`): the message beside the file field. */
export function refusedUpload(upload: Extract<CsvUpload, { status: number }>, intent: 'preview' | 'import') {
  return { intent, status: 'invalid' as const, message: upload.message, preview: null, csv: null };
}
