// What the workspace layout (routes/w.$slug.tsx) loads for every page under /w/:slug, and the hook
// that reads it. It lives here, not in the route, so components can use it without importing a
// route; the layout's loader is checked against WorkspaceData with `satisfies`.
import { useRouteLoaderData } from '@remix-run/react';
import { roleAtLeast } from '~/domain/roles';
import type { Locale, Role } from '~/domain/vocabulary';

export const WORKSPACE_ROUTE_ID = 'routes/w.$slug';

export interface WorkspaceData {
  /** timeZone: the IANA zone every time of the workspace is shown in, on the server and in the browser alike. */
  workspace: { id: string; name: string; slug: string; currency: string; locale: Locale; timeZone: string };
  role: Role;
  user: { id: string; displayName: string; email: string };
  workspaces: { id: string; name: string; slug: string; role: Role }[];
  /** The member's unread notifications (counted up to `cap`), for the bell. */
  notifications: { unread: number; cap: number };
}

/** The workspace, the member's role and what they may do, for any page under /w/:slug. */
export function useWorkspace() {
  const data = useRouteLoaderData<WorkspaceData>(WORKSPACE_ROUTE_ID);
  if (!data) throw new Error('useWorkspace() used outside /w/:slug');
  return { ...data, canEdit: roleAtLeast(data.role, 'editor'), isOwner: data.role === 'owner' };
}
