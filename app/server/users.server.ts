// The user's own profile.
import { eq } from 'drizzle-orm';
import { db } from '#db/client';
import { user } from '#db/schema';
import type { Locale } from '~/domain/vocabulary';

export async function updateProfile(userId: string, input: { displayName: string; locale: Locale | null }) {
  await db.update(user).set({ displayName: input.displayName, locale: input.locale }).where(eq(user.id, userId));
}
