import { z } from 'zod';

/**
 * Numbered pages, as list screens show them ("共 132 条", 1 2 3 … 7): `page` is 1-based; a list
 * asked for a page answers with `total`, the number of rows its filters select. Without `page`
 * the list pages on by cursor as before (exports, scripts).
 */
export const PageParam = z.coerce.number().int().min(1).max(100_000).optional();

/** `total` of a list response: present when a numbered page was asked for. */
export const Total = z.number().int().min(0).optional();
