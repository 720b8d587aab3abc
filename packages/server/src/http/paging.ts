/**
 * Numbered pages (the `PageParam` and `Total` schemas live in core): `page` is 1-based, so a page
 * starts after the rows of the pages before it.
 */
export const offsetOf = (page: number, limit: number) => (page - 1) * limit;
