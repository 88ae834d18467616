// Page titles that name the page, in the reader's language: "Subject · Page · Workspace · Parcours".
// A route's `meta` calls pageTitle(matches, 'maps', map.name). The words come from the `titles`
// locale files (read here directly: meta runs outside React, where i18next's hooks are not).
import type { MetaDescriptor } from '@remix-run/react';
import en from '~/locales/en/titles.json';
import fr from '~/locales/fr/titles.json';
import { WORKSPACE_ROUTE_ID, type WorkspaceData } from './workspace';

const TITLES = { en, fr };
export type TitleKey = keyof typeof en;

interface Match {
  id: string;
  data?: unknown;
}

export function pageTitle(matches: readonly Match[], page: TitleKey, subject?: string | null): MetaDescriptor[] {
  const root = matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined;
  const words = root?.locale === 'fr' ? TITLES.fr : TITLES.en;
  const workspace = (matches.find((m) => m.id === WORKSPACE_ROUTE_ID)?.data as WorkspaceData | undefined)?.workspace.name;
  return [{ title: [subject, words[page], workspace, 'Parcours'].filter(Boolean).join(' · ') }];
}
