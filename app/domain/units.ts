// A measure's unit as people type it. measure.unit stores the known units by key ('seconds', '%') and
// any other unit as typed; the form offers the known ones by their name in the reader's language
// ("secondes"), so each name in either language (and the usual short forms) reads back as its key.
import { UNITS, type KnownUnit } from './vocabulary';

const UNIT_WORDS: Record<KnownUnit, readonly string[]> = {
  pts: ['pts', 'pt', 'points', 'point'],
  '%': ['%', 'percent', 'percentage', 'pourcentage', 'pourcent'],
  count: ['count', 'number', 'nombre'],
  currency: ['currency', 'money', 'money (workspace currency)', 'montant', 'devise', 'montant (devise de l’espace)', "montant (devise de l'espace)"],
  seconds: ['seconds', 'second', 's', 'sec', 'secondes', 'seconde'],
  minutes: ['minutes', 'minute', 'min', 'mins'],
  hours: ['hours', 'hour', 'h', 'hr', 'hrs', 'heures', 'heure'],
  days: ['days', 'day', 'jours', 'jour', 'j'],
};

const byWord = new Map<string, KnownUnit>(UNITS.flatMap((unit) => UNIT_WORDS[unit].map((word) => [word, unit] as const)));

/** "secondes", "Seconds", "s" -> 'seconds'; a unit of one's own ("appels") stays as typed. */
export function canonicalUnit(typed: string): string {
  const text = typed.trim();
  return byWord.get(text.toLocaleLowerCase('fr')) ?? text;
}

export function isKnownUnit(unit: string): unit is KnownUnit {
  return (UNITS as readonly string[]).includes(unit);
}

/** The key of a known unit's name in the locale files (measures:unitNames.*). */
export const unitNameKey = (unit: KnownUnit) => (unit === '%' ? 'percent' : unit);
