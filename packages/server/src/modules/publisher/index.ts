// The publisher module's public face: what other modules and the app may use. Everything else is private.
export { publisherRoutes } from './routes.ts';
