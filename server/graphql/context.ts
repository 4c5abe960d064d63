// A GraphQL request's context is the figures' context: a request scope and fresh DataLoaders
// (server/figures/context.ts). Named here for the adapter (app.ts, resolver types).
export { createContext, type Context } from '../figures/context';
