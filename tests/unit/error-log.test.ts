import { data } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { isExpectedFailure } from '~/server/error-log.server';

// What Remix hands handleError after wrapping a thrown data(...) or Response (react-router's shape).
const routeErrorResponse = (status: number) => ({ status, statusText: '', internal: false, data: null });

describe('isExpectedFailure', () => {
  it.each([
    ['a thrown 404 Response', new Response(null, { status: 404 })],
    ['a thrown data() with status 403', data({ message: 'forbidden' }, { status: 403 })],
    ['a thrown redirect', new Response(null, { status: 302, headers: { Location: '/' } })],
    ['a route error response 404', routeErrorResponse(404)],
    ['a route error response 429', routeErrorResponse(429)],
  ])('%s is an answer, not logged', (_, error) => {
    expect(isExpectedFailure(error)).toBe(true);
  });

  it.each([
    ['an Error', new Error('boom')],
    ['a 500 Response', new Response(null, { status: 500 })],
    ['a data() with status 503', data({ message: 'down' }, { status: 503 })],
    ['a route error response 500', routeErrorResponse(500)],
    ['a string', 'boom'],
    ['null', null],
  ])('%s is unexpected, logged', (_, error) => {
    expect(isExpectedFailure(error)).toBe(false);
  });
});
