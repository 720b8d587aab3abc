/**
 * The messages of a request's field errors, keyed by code, in Chinese and English: the server
 * picks one by the request's Accept-Language (Chinese by default), so a field error reads in the
 * language of the page that sent the form. Codes follow the schema library's issue codes, refined
 * by what was checked (`too_small.string`: a text too short). `{name}` takes the issue's values.
 */
export const validationMessages = {
  required: { zh: '必填', en: 'required' },
  invalid_type: { zh: '类型不正确，应为{expected}', en: 'wrong type; expected {expected}' },
  'too_small.string': { zh: '至少 {minimum} 个字符', en: 'at least {minimum} characters' },
  'too_small.number': { zh: '不能小于 {minimum}', en: 'must be at least {minimum}' },
  'too_small.array': { zh: '至少 {minimum} 项', en: 'at least {minimum} items' },
  too_small: { zh: '太小（至少 {minimum}）', en: 'too small (at least {minimum})' },
  'too_big.string': { zh: '最多 {maximum} 个字符', en: 'at most {maximum} characters' },
  'too_big.number': { zh: '不能大于 {maximum}', en: 'must be at most {maximum}' },
  'too_big.array': { zh: '最多 {maximum} 项', en: 'at most {maximum} items' },
  too_big: { zh: '太大（至多 {maximum}）', en: 'too large (at most {maximum})' },
  'invalid_format.date': { zh: '应为日期，格式 YYYY-MM-DD', en: 'expected a date as YYYY-MM-DD' },
  'invalid_format.datetime': {
    zh: '应为日期时间（ISO 8601，如 2020-06-30T08:00:00Z）',
    en: 'expected an ISO 8601 date-time such as 2020-06-30T08:00:00Z',
  },
  'invalid_format.uuid': { zh: '应为 UUID 格式的编号', en: 'expected an id in UUID form' },
  'invalid_format.email': { zh: '应为电子邮件地址', en: 'expected an email address' },
  'invalid_format.url': { zh: '应为网址', en: 'expected a URL' },
  invalid_format: { zh: '格式不正确', en: 'invalid format' },
  not_multiple_of: { zh: '应为 {divisor} 的整数倍', en: 'must be a multiple of {divisor}' },
  invalid_value: { zh: '应为以下之一：{values}', en: 'expected one of: {values}' },
  invalid_union: { zh: '不符合任何一种允许的形式', en: 'matches none of the allowed forms' },
  invalid_key: { zh: '键名不正确', en: 'invalid key' },
  invalid_element: { zh: '其中有不正确的元素', en: 'contains an invalid element' },
  unrecognized_keys: { zh: '未知字段，请删除', en: 'unknown field; remove it' },
  custom: { zh: '取值不正确', en: 'invalid value' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ValidationMessageCode = keyof typeof validationMessages;

/** The fields of a schema issue the messages use (what the validation error carries as `params`). */
export type ValidationIssue = {
  code: string;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  divisor?: number;
  values?: readonly unknown[];
  /** The library's own (English) message: tells a missing field from a wrong type. */
  message?: string;
};

/** The catalogue entry for an issue: refined by origin or format where the catalogue has one. */
export function codeOf(issue: ValidationIssue): ValidationMessageCode {
  const has = (code: string): code is ValidationMessageCode => code in validationMessages;
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message ?? '')) return 'required';
  const refined = `${issue.code}.${issue.origin ?? issue.format ?? ''}`;
  if (issue.code === 'invalid_format' && issue.format && has(`invalid_format.${issue.format}`)) {
    return `invalid_format.${issue.format}` as ValidationMessageCode;
  }
  if (has(refined)) return refined;
  return has(issue.code) ? issue.code : 'custom';
}
