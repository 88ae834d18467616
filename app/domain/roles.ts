// What a member's role allows: roles are ordered viewer < editor < owner.
import type { Role } from './vocabulary';

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** True when `role` is `needed` or above it. */
export function roleAtLeast(role: Role, needed: Role) {
  return RANK[role] >= RANK[needed];
}
