// Form schemas of the journey maps feature (maps list, map editor, personas), shared by the forms
// and the actions. Messages are keys in the "errors" namespace.
import { z } from 'zod';
import { CHANNELS, LANE_KINDS, MAP_STATES } from '~/domain/vocabulary';
import { nameSchema as name, UuidSchema as id, VersionSchema as version } from '~/domain/fields';

const optionalText = (max: number) => z.string().trim().max(max, 'field.tooLong').optional().default('');
const position = z.coerce.number({ invalid_type_error: 'field.integer' }).int('field.integer').min(0).max(10_000);

export const MapStateSchema = z.enum(MAP_STATES, { errorMap: () => ({ message: 'field.choose' }) });
export const TemplateIdSchema = z.enum(['subscription', 'ecommerce', 'b2b_onboarding'], { errorMap: () => ({ message: 'field.choose' }) });
export const LaneKindSchema = z.enum(LANE_KINDS, { errorMap: () => ({ message: 'field.choose' }) });
export const ChannelSchema = z.enum(CHANNELS, { errorMap: () => ({ message: 'field.choose' }) });

export const CreateMapSchema = z.object({
  intent: z.literal('create'),
  name: name(),
  description: optionalText(2000),
  personaId: id.optional(),
  state: MapStateSchema.default('current'),
  template: TemplateIdSchema.optional(),
});

export const UpdateMapSchema = z.object({
  intent: z.literal('updateMap'),
  mapId: id,
  version,
  name: name(),
  description: optionalText(2000),
  personaId: id.optional(),
  state: MapStateSchema,
});

export const MapActionSchema = z.object({
  intent: z.enum(['duplicate', 'archive', 'restore', 'delete']),
  mapId: id,
});

export const AddStageSchema = z.object({
  intent: z.literal('addStage'),
  name: name(),
  phase: z.string().trim().max(80, 'field.tooLong').optional(),
  description: optionalText(2000),
});

export const UpdateStageSchema = z.object({
  intent: z.literal('updateStage'),
  stageId: id,
  version,
  name: name(),
  phase: z.string().trim().max(80, 'field.tooLong').optional(),
  description: optionalText(2000),
});

export const AddLaneSchema = z.object({ intent: z.literal('addLane'), kind: LaneKindSchema, name: name() });
export const UpdateLaneSchema = z.object({ intent: z.literal('updateLane'), laneId: id, version, name: name() });

export const AddCardSchema = z.object({
  intent: z.literal('addCard'),
  laneId: id,
  stageId: id,
  title: name(200),
  description: optionalText(4000),
  channel: ChannelSchema.optional(),
  system: z.string().trim().max(120, 'field.tooLong').optional(),
});

export const UpdateCardSchema = AddCardSchema.omit({ intent: true, laneId: true, stageId: true }).extend({
  intent: z.literal('updateCard'),
  cardId: id,
  version,
});

export const DeleteSchema = z.object({
  intent: z.enum(['deleteStage', 'deleteLane', 'deleteCard']),
  id,
});

export const DuplicateSchema = z.object({ intent: z.enum(['duplicateCard', 'duplicateStage', 'duplicateLane']), id });

export const MoveSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('moveStage'), id, toIndex: position }),
  z.object({ intent: z.literal('moveLane'), id, toIndex: position }),
  z.object({ intent: z.literal('moveCard'), id, toStageId: id, toIndex: position }),
  z.object({ intent: z.literal('moveKpi'), id, toStageId: id, toIndex: position }),
]);
export type MoveInput = z.infer<typeof MoveSchema>;

/**
 * The move menu's form: its buttons carry "stageId:index" in one `target` value (a button submits
 * one name and value), split here into the fields of MoveSchema. Empty values count as missing.
 */
export const MoveMenuSchema = z.preprocess((raw) => {
  if (!raw || typeof raw !== 'object') return raw;
  const { target, ...rest } = raw as Record<string, unknown>;
  const fields: Record<string, unknown> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ''));
  if (typeof target === 'string' && target.includes(':')) {
    const [toStageId, toIndex] = target.split(':');
    if (toStageId) fields.toStageId = toStageId;
    if (toIndex) fields.toIndex = toIndex;
  }
  return fields;
}, MoveSchema);

export const SetEmotionSchema = z.object({
  intent: z.literal('setEmotion'),
  laneId: id,
  stageId: id,
  /** Absent (the "No score" choice) clears the stage's score. */
  score: z.coerce.number({ invalid_type_error: 'field.integer' }).int('field.integer').min(-2, 'field.range').max(2, 'field.range').optional(),
  version: version.optional(),
});

export const PersonaSchema = z.object({
  intent: z.enum(['create', 'update']),
  personaId: id.optional(),
  version: version.optional(),
  name: name(),
  description: optionalText(2000),
  goals: optionalText(2000),
  frustrations: optionalText(2000),
});

export const DeletePersonaSchema = z.object({ intent: z.literal('delete'), personaId: id });

/**
 * Which row of the editor a submission is about, so its answer reaches the form that sent it (many
 * forms share an intent: one edit form per stage, one add form per cell). "new" for the add forms
 * of the page.
 */
export function editorRowId(intent: string, form: { get(name: string): FormDataEntryValue | null }): string {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.slice(0, 80) : '';
  };
  switch (intent) {
    case 'updateMap':
      return text('mapId');
    case 'updateStage':
      return text('stageId');
    case 'updateLane':
      return text('laneId');
    case 'updateCard':
      return text('cardId');
    case 'addCard':
    case 'setEmotion':
      return `${text('laneId')}:${text('stageId')}`;
    case 'deleteStage':
    case 'deleteLane':
    case 'deleteCard':
    case 'duplicateCard':
    case 'duplicateStage':
    case 'duplicateLane':
    case 'moveStage':
    case 'moveLane':
    case 'moveCard':
    case 'moveKpi':
      return text('id');
    default:
      return 'new';
  }
}

/** A map's JSON export to import as a new map (its content is checked by domain/map-export). */
export const MapImportSchema = z.object({
  intent: z.literal('import'),
  file: z.instanceof(File, { message: 'maps.import.noFile' }).refine((f) => f.size > 0, 'maps.import.noFile'),
});
