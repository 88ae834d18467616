// The scenarios of a business case as the page shows them: the saved (or default) low / base / high
// overrides, replaced field by field by what is typed in the scenarios form, applied to the what-if
// input. The tornado and break-even solver run a few dozen business cases, so they follow a deferred
// copy of the inputs: typing stays responsive and the figures catch up a moment later.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { scenarioAnalysis, type BusinessCaseInput } from '~/domain/business-case';
import type { NumberLocale } from '~/domain/decimal';
import { SCENARIO_KINDS, type ScenarioKind } from '~/domain/vocabulary';
import { draftScenarios, scenarioDraft, type ScenarioDraft } from '~/lib/schemas/scenarios';
import type { SavedScenarios } from '~/server/scenarios.server';

function draftsOf(saved: SavedScenarios, locale: NumberLocale) {
  return Object.fromEntries(SCENARIO_KINDS.map((kind) => [kind, scenarioDraft(saved[kind], locale)])) as Record<ScenarioKind, ScenarioDraft>;
}

export function useScenarios(saved: SavedScenarios, input: BusinessCaseInput, locale: NumberLocale) {
  const versions = SCENARIO_KINDS.map((kind) => saved[kind].version).join('/');
  const savedDrafts = useMemo(
    () => draftsOf(saved, locale),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new object on every revalidation; the versions say when it changed
    [versions, locale],
  );
  const [drafts, setDrafts] = useState(savedDrafts);
  // A save (here or elsewhere) replaces what is being tried, like the what-if.
  useEffect(() => setDrafts(savedDrafts), [savedDrafts]);
  const typed = useMemo(() => draftScenarios(drafts, saved, locale), [drafts, saved, locale]);
  const deferredInput = useDeferredValue(input);
  const deferredScenarios = useDeferredValue(typed.value);
  const analysis = useMemo(() => scenarioAnalysis(deferredInput, deferredScenarios), [deferredInput, deferredScenarios]);
  return {
    versions,
    savedDrafts,
    setDrafts,
    reset: () => setDrafts(savedDrafts),
    invalid: typed.invalid,
    analysis,
    changed: JSON.stringify(drafts) !== JSON.stringify(savedDrafts),
  };
}
