// Every route module of the app, flat files and route folders alike (`w.$slug.x/route.tsx` is the
// route `w.$slug.x.tsx`), keyed by that flat file name, so rules that walk all routes see a route
// the day it is added, whichever shape it has.
const modules = import.meta.glob(['../../app/routes/*.{ts,tsx}', '../../app/routes/*/route.{ts,tsx}'], { eager: true });

/** `../../app/routes/w.$slug.x/route.tsx` -> `w.$slug.x.tsx`; `../../app/routes/login.tsx` -> `login.tsx`. */
export function routeFileName(path: string) {
  return path.replace('../../app/routes/', '').replace(/\/route(\.tsx?)$/, '$1');
}

export function routeModules<M>(): Record<string, M> {
  return Object.fromEntries(Object.entries(modules).map(([path, m]) => [routeFileName(path), m as M]));
}
