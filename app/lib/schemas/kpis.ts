// Form schemas of the KPI pages that are not the measure library's (the CSV import's two steps),
// shared by the forms and the actions. Messages are keys in the "errors" namespace.
import { z } from 'zod';
import { UuidSchema } from '~/domain/fields';
import { MeasureNameSchema } from './measures';

export const KpiCsvIntentSchema = z.enum(['preview', 'import']);

/** Step one: a file to check. */
export const KpiCsvPreviewSchema = z.object({
  intent: z.literal('preview'),
  file: z.instanceof(File, { message: 'measures.fileRequired' }).refine((f) => f.size > 0, 'measures.fileRequired'),
});

/** Step two: the checked CSV posted back to import it. */
export const KpiCsvImportSchema = z.object({
  intent: z.literal('import'),
  csv: z.string({ required_error: 'measures.fileRequired' }).min(1, 'measures.fileRequired'),
});

/** The KPI-row cell the add box sits in. */
export const KpiCellSchema = z.object({ mapId: UuidSchema, laneId: UuidSchema, stageId: UuidSchema });

/** The KPI add box: a cell and the measure to place there, by id (chosen) or by name (typed). */
export const PlaceKpiSchema = KpiCellSchema.extend({
  measureId: UuidSchema.optional(),
  name: MeasureNameSchema.optional(),
  js: z.literal('1').optional(),
}).refine((v) => v.measureId || v.name, { path: ['name'], message: 'field.required' });
