import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Config } from '../config.ts';
import type { DatabaseKind } from '../db/connection.ts';
import type { PersonalData } from '../modules/personal-data/index.ts';

/** The Fastify instance every module registers its routes on, typed for zod schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a module's routes need: the database, the configuration and the personal-data seal. */
export type ModuleDeps = {
  db: Kysely<Database>;
  config: Config;
  databaseKind: DatabaseKind;
  personalData: PersonalData;
};

/** Opaque cursor helpers: the API never exposes how a page boundary is encoded. */
export const cursor = {
  encode: (value: string) => Buffer.from(value, 'utf8').toString('base64url'),
  decode: (value: string | undefined) => (value ? Buffer.from(value, 'base64url').toString('utf8') : undefined),
};
