/**
 * Stable machine codes for API errors (RFC 9457 `code` extension), each with the
 * message a person can act on, in Chinese first and English. The web app shows the
 * same text, so a code means one thing everywhere.
 */
export const problemCatalogue = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '提交的内容有误，请按字段提示修改后重试。',
    en: 'The request has invalid fields; correct them as indicated and retry.',
  },
  MALFORMED_JSON: {
    status: 400,
    zh: '请求正文不是有效的 JSON。',
    en: 'The request body is not valid JSON.',
  },
  INVALID_TEXT: {
    status: 400,
    zh: '文本中含有无法保存的字符（空字符 NUL 或不成对的 UTF-16 代理项），请删除后重试。',
    en: 'The text contains characters that cannot be stored (a NUL byte or an unpaired UTF-16 surrogate); remove them and retry.',
  },
  MALFORMED_MULTIPART: {
    status: 400,
    zh: '上传请求不是有效的 multipart/form-data，请在字段“file”中重新上传文件。',
    en: 'The upload is not valid multipart/form-data; send the file again in the field "file".',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的内容类型，请以 application/json 提交。',
    en: 'Unsupported content type; send application/json.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '请求正文过大。',
    en: 'The request body is too large.',
  },
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    zh: '不支持的文件类型，请上传 PDF、PNG、JPEG、Excel（XLSX/XLS）、Word（DOCX）或 CSV 文件。',
    en: 'Unsupported file type; upload a PDF, PNG, JPEG, Excel (XLSX/XLS), Word (DOCX) or CSV file.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    zh: '文件超过大小上限，请压缩或拆分后重新上传。',
    en: 'The file exceeds the size limit; compress or split it and upload again.',
  },
  UNAUTHENTICATED: {
    status: 401,
    zh: '请先登录。',
    en: 'Sign in first.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误。',
    en: 'Wrong user name or password.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试。',
    en: 'Too many failed sign-ins; the account is locked for a while. Try again later.',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '该账号已停用，请联系管理员。',
    en: 'This account is disabled; contact an administrator.',
  },
  WEAK_PASSWORD: {
    status: 400,
    zh: '密码太容易被猜到：请不要使用常见密码、连续字符或用户名、姓名，建议用几个不相关的词组成较长的密码。',
    en: 'The password is too easy to guess: avoid common passwords, sequences and the user or display name; a few unrelated words make a strong one.',
  },
  CSRF_FAILED: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试。',
    en: 'The CSRF check failed; reload the page and retry.',
  },
  FORBIDDEN: {
    status: 403,
    zh: '您的角色无权执行此操作。',
    en: 'Your role may not do this.',
  },
  OUT_OF_SCOPE: {
    status: 403,
    zh: '该数据不在您的管辖范围内。',
    en: 'This record is outside your region scope.',
  },
  SCORER_CONFLICT: {
    status: 403,
    zh: '测评人员须回避本人所属地区的测评。',
    en: 'A scorer may not score a region their own office belongs to or oversees.',
  },
  ROUND_NOT_FULLY_SCORED: {
    status: 409,
    zh: '仍有测评标准未评分，也未标注不适用，暂不能发布。',
    en: 'Some standards are neither scored nor marked not applicable; the round cannot be published yet.',
  },
  NOT_FOUND: {
    status: 404,
    zh: '未找到该记录。',
    en: 'No such record.',
  },
  CONFLICT: {
    status: 409,
    zh: '与现有数据冲突。',
    en: 'This conflicts with existing data.',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests; slow down and retry later.',
  },
  IMPORT_FAILED: {
    status: 400,
    zh: '导入文件有误，未导入任何数据。',
    en: 'The import file has errors; nothing was imported.',
  },
  AUDIT_ENTRY_PENDING: {
    status: 409,
    zh: '该审计记录尚未纳入已签名的检查点，请几秒后再试。',
    en: 'This audit entry is not yet covered by a signed checkpoint; retry in a few seconds.',
  },
  AUDIT_TREE_SIZE: {
    status: 400,
    zh: '请求的审计日志树大小无效：须大于零且不超过当前大小。',
    en: 'The requested audit tree size is invalid: it must be above zero and at most the current size.',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，请稍后重试。',
    en: 'Internal server error; retry later.',
  },
  // sup3 (issue 18): 领导批示 tracking
  INSTRUCTION_STATE: {
    status: 409,
    zh: '该领导批示当前的办理状态不允许此操作。',
    en: "This leader's instruction is not in a state that allows this action.",
  },
  // sup5 (issue 18): documents as PDF
  PDF_FONT_MISSING: {
    status: 503,
    zh: '服务器未安装中文字体，无法生成PDF：请安装 fonts-noto-cjk，或以 CHUANGCHENG_PDF_FONT 指定字体文件；Word 版仍可下载。',
    en: 'The server has no Chinese font to set a PDF in: install fonts-noto-cjk or name a font file in CHUANGCHENG_PDF_FONT; the Word file is still available.',
  },
} as const;

export type ProblemCode = keyof typeof problemCatalogue;

/** One field-level error inside a problem document. */
export type FieldError = { field: string; message: string };

/** The problem+json body every API error carries. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
};
