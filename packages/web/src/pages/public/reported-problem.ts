import type { PublicCaseIntake } from '@chuangcheng/core';
import type { LocationValue } from './LocationField.tsx';

/** The fields of the report form that the resident's page and staff intake share. */
export interface ReportFields {
  category?: string[];
  description?: string;
  location?: LocationValue;
  contactName?: string;
  contactPhone?: string;
}

/**
 * What the report form says of the problem, as the intake request takes it (trimmed; a contact
 * only when a name or phone is given), less the idempotency key each page keeps in its own way.
 * Null when the form names no place: neither a point nor a region.
 */
export function reportedProblem(
  values: ReportFields,
  photoIds: string[],
): Omit<PublicCaseIntake, 'idempotencyKey'> | null {
  const where = values.location ?? {};
  const regionCode = where.regionCodes?.at(-1);
  if (!regionCode && (where.lat === undefined || where.lng === undefined)) return null;
  const name = values.contactName?.trim();
  const phone = values.contactPhone?.trim();
  return {
    categoryCode: values.category?.[1] ?? '',
    description: values.description?.trim() ?? '',
    lat: where.lat,
    lng: where.lng,
    address: where.address?.trim() || undefined,
    regionCode,
    photoIds,
    contact: name || phone ? { name: name || undefined, phone: phone || undefined } : undefined,
  };
}
