import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { endSession } from '~/server/auth.server';
import { assertSameOrigin } from '~/server/http.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  return redirect('/login', { headers: { 'Set-Cookie': await endSession(request) } });
}
