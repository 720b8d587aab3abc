/**
 * Test fixture: every element of a quarter's `urban-environment-quarterly` entry, with central
 * heating covering 90% of the urban building area (900 of 1000).
 */
export const URBAN_ENVIRONMENT_VALUES = {
  'central-heating-area': 900,
  'urban-building-area': 1000,
  'sewage-treated': 450,
  'sewage-discharged': 500,
  'green-building-area': 12,
  'new-building-area': 60,
};
