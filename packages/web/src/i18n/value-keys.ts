import type { MessageKey } from './I18nProvider.tsx';

/**
 * The catalogue keys of an enum's values, `<prefix>.<value>` each, in the order given:
 * `valueKeys('evaluation.roundKind', RoundKind.options)`. It does not compile when a value's key is
 * not in the catalogue.
 */
export function valueKeys<const Prefix extends string, const Value extends string>(
  prefix: Prefix,
  values: readonly Value[] & ([`${Prefix}.${Value}`] extends [MessageKey] ? unknown : never),
): Record<Value, MessageKey> {
  return Object.fromEntries(values.map((value) => [value, `${prefix}.${value}`])) as Record<Value, MessageKey>;
}
