// Which errors entry.server logs as unexpected. An expected failure (not found, forbidden, throttled,
// ...) leaves a loader or action as a thrown Response, a thrown `data(..., { status })` or, once
// Remix has wrapped it, a route error response: with a status below 500 it is an answer, not a bug.
import { isRouteErrorResponse } from '@remix-run/react';

function statusOf(error: unknown): number | null {
  if (error instanceof Response) return error.status;
  if (isRouteErrorResponse(error)) return error.status;
  if (typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'DataWithResponseInit') {
    return (error as { init?: ResponseInit | null }).init?.status ?? 200;
  }
  return null;
}

export function isExpectedFailure(error: unknown): boolean {
  const status = statusOf(error);
  return status !== null && status < 500;
}
