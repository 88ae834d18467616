// The health check's one question to the database: does it answer?
import { sql } from 'drizzle-orm';
import { db } from '#db/client';

/** True when the database answers a trivial query; the error is logged, not thrown. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch (error) {
    console.error('healthz: database unreachable', error);
    return false;
  }
}
