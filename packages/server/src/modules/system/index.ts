// The system module's public face: what other modules and the app may use. Everything else is private.
export { startMetricsListener } from './metrics.ts';
export { systemRoutes } from './routes.ts';
