import { databaseAnswers } from '~/server/health.server';

const headers = { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' };

export async function loader() {
  if (await databaseAnswers()) return new Response('ok', { status: 200, headers });
  return new Response('database unreachable', { status: 503, headers });
}
