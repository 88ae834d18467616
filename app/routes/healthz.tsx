import { sql } from 'drizzle-orm';
import { db } from '#db/client';

export async function loader() {
  try {
    await db.execute(sql`select 1`);
    return new Response('ok', { status: 200, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('healthz: database unreachable', error);
    return new Response('database unreachable', { status: 503, headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
  }
}
