// The open311 module's public face: what other modules and the app may use. Everything else is private.
export { open311Routes } from './routes.ts';
