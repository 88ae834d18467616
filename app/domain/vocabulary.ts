// The app's door to the closed vocabularies (roles, lane kinds, trends, statuses...): they are defined
// once in db/vocabulary.ts, a module without imports, so the pgEnums and the app share one list.
export * from '#db/vocabulary';
