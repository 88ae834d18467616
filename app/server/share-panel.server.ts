// The share panel's form answers, shared by the three routes that nest it (a map, a business case,
// the summary): each route guards itself (an editor of the workspace) and names its target; this
// parses the form (Conform) and answers as every action does (result.server `reply`). A created
// link's address travels once, in this answer, never stored.
import { parseWithZod } from '@conform-to/zod';
import { data } from '@remix-run/node';
import { CreateShareLinkSchema, RevokeShareLinkSchema } from '~/lib/schemas/share-links';
import { expiryInstant } from '~/lib/schemas/api-tokens';
import type { MemberContext } from './access.server';
import { badRequest } from './http.server';
import { reply } from './result.server';
import { createShareLink, revokeShareLink, type ShareTarget } from './share-links.server';

/** The public address of a token, on the origin the editor reached the app through. */
export const shareAddress = (token: string, origin: string) => new URL(`/s/${token}`, origin).toString();

export async function answerShareForm(member: MemberContext, target: ShareTarget, formData: FormData, origin: string) {
  const { workspace, user } = member;
  const intent = formData.get('intent');
  if (intent === 'create') {
    const submission = parseWithZod(formData, { schema: CreateShareLinkSchema });
    // A refused form comes back without the password typed in it.
    if (submission.status !== 'success')
      return data({ intent, status: 'invalid' as const, result: submission.reply({ hideFields: ['password'] }) }, { status: 400 });
    const { expiresOn, password } = submission.value;
    const created = await createShareLink(workspace.id, user.id, target, { expiresAt: expiryInstant(expiresOn, workspace.timeZone), password });
    if (created.status !== 'ok') return reply(intent, created);
    // The address is shown once: a response no cache keeps.
    return data(
      { intent, status: 'done' as const, url: shareAddress(created.value.token, origin), result: submission.reply({ resetForm: true }) },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  }
  if (intent === 'revoke') {
    const submission = parseWithZod(formData, { schema: RevokeShareLinkSchema });
    if (submission.status !== 'success') throw badRequest();
    return reply(intent, await revokeShareLink(workspace.id, user.id, target, submission.value.linkId), submission);
  }
  throw badRequest();
}
