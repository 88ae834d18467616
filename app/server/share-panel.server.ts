// The share panel's loader and action, shared by the three routes that nest it (a map, a business
// case, the summary): each route names its target from the URL; here the member is checked (an
// editor of the workspace), the links are listed, and the form is parsed (Conform) and answered as
// every action does (result.server `reply`). A created link's address travels once, in this
// answer, never stored.
import { parseWithZod } from '@conform-to/zod';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { CreateShareLinkSchema, RevokeShareLinkSchema } from '~/lib/schemas/share-links';
import { expiryInstant } from '~/lib/schemas/api-tokens';
import { requireMember, type MemberContext } from './access.server';
import { readForm } from './form.server';
import { badRequest } from './http.server';
import { reply, valueOr404 } from './result.server';
import { createShareLink, listShareLinks, revokeShareLink, type ShareTarget } from './share-links.server';

/** What a share panel shows: the target's name and links, in the workspace's locale and time zone. */
export async function sharePanelLoader({ request, params }: LoaderFunctionArgs, target: (params: LoaderFunctionArgs['params']) => ShareTarget) {
  const { workspace } = await requireMember(request, params.slug, 'editor');
  const { locale, timeZone } = workspace;
  return { locale, timeZone, ...valueOr404(await listShareLinks(workspace.id, target(params))) };
}

/** A share panel's form (create, revoke), for an editor of the workspace. */
export async function sharePanelAction({ request, params }: ActionFunctionArgs, target: (params: ActionFunctionArgs['params']) => ShareTarget) {
  const formData = await readForm(request);
  const member = await requireMember(request, params.slug, 'editor');
  return answerShareForm(member, target(params), formData, new URL(request.url).origin);
}

/** The public address of a token, on the origin the editor reached the app through. */
export const shareAddress = (token: string, origin: string) => new URL(`/s/${token}`, origin).toString();

async function answerShareForm(member: MemberContext, target: ShareTarget, formData: FormData, origin: string) {
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
