// The users module's public face: what other modules and the app may use. Everything else is private.
export { hasProvinceAdmin, insertFirstAdmin } from './first-admin.ts';
export { userRoutes } from './routes.ts';
export { createUser, getUser, permissionsOf, presentUser, resetPassword } from './service.ts';
