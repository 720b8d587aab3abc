// The geo module's public face: what other modules and the app may use. Everything else is private.
export { geoRoutes } from './routes.ts';
