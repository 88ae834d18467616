// The demo sign-in shown on the sign-in page (server-only: the seed module imports password hashing).
export { DEMO_PASSWORD, DEMO_USERS } from '#db/seed';
