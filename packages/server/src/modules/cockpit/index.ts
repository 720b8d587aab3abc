// The cockpit module's public face: what other modules and the app may use. Everything else is private.
export { EvaluationSource, evaluateTargets, indicatorSeries } from './evaluate.ts';
export { cockpitRoutes } from './routes.ts';
export { defaultAsOf, todayIso } from './service.ts';
export { cockpitSubscriber } from './subscribers.ts';
