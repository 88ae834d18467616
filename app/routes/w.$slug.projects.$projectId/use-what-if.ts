// The what-if state of a business case: the assumptions as typed so far, and the figures they give,
// computed in the browser with the same domain code as the server.
import { useEffect, useMemo, useState } from 'react';
import { caseWarnings, computeBusinessCase, projectCaseInput, type KpiLineData } from '~/domain/business-case';
import { toDecimalString, type NumberLocale } from '~/domain/decimal';
import type { CostKind } from '~/domain/vocabulary';
import { assumptionDraft, draftAssumptions, type AssumptionDraft } from '~/lib/schemas/projects';

export interface SavedProject {
  version: number;
  horizonYears: number;
  discountRate: string;
  confidence: string;
  rampUp: string[];
}

export function useWhatIf(
  p: SavedProject,
  costs: readonly { kind: CostKind; amount: string; year: number }[],
  lines: readonly KpiLineData[],
  locale: NumberLocale,
) {
  // Canonical decimals ('0.080000' from numeric -> '0.08') so that an untouched form is not "changed".
  const saved = useMemo(
    () => ({
      horizonYears: p.horizonYears,
      discountRate: toDecimalString(p.discountRate),
      confidence: toDecimalString(p.confidence),
      rampUp: p.rampUp.map((r) => toDecimalString(r)),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ramp-up array is new on every revalidation
    [p.horizonYears, p.discountRate, p.confidence, p.rampUp.join('/')],
  );
  const [draft, setDraft] = useState<AssumptionDraft>(() => assumptionDraft(saved, locale));
  // Only a new version (a save, here or elsewhere) replaces what is being tried: adding a cost or a
  // link keeps the what-if, like the inputs (keyed by version) keep what was typed.
  useEffect(() => setDraft(assumptionDraft(saved, locale)), [saved, locale, p.version]);
  const whatIf = useMemo(() => draftAssumptions(draft, saved, locale), [draft, saved, locale]);
  const costInputs = useMemo(() => costs.map((c) => ({ kind: c.kind, amount: c.amount, year: c.year })), [costs]);
  const input = useMemo(() => projectCaseInput(whatIf.value, costInputs, lines), [whatIf.value, costInputs, lines]);
  const businessCase = useMemo(() => computeBusinessCase(input), [input]);
  const warnings = useMemo(() => caseWarnings(lines, businessCase), [lines, businessCase]);
  const changed = JSON.stringify(whatIf.value) !== JSON.stringify({ ...saved, rampUp: saved.rampUp.slice(0, whatIf.value.horizonYears) });
  return {
    saved,
    /** The saved assumptions as the form shows them. */
    savedDraft: assumptionDraft(saved, locale),
    setDraft,
    reset: () => setDraft(assumptionDraft(saved, locale)),
    invalid: whatIf.invalid,
    /** The business case input as the what-if has it (the scenarios start from it). */
    input,
    businessCase,
    warnings,
    changed,
  };
}
