import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * Validates one form field with the shared core schema, so the browser and the server
 * agree on what is valid; the message comes from the catalogue because zod's is English.
 * A field is marked required when the schema rejects an empty value.
 */
export function zodRule(schema: z.ZodType, message: string): FormRule {
  return {
    required: !schema.safeParse(undefined).success,
    message,
    validator: (_rule, value: unknown) =>
      schema.safeParse(value === '' ? undefined : value).success
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  };
}
