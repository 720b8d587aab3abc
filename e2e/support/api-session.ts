/** The JSON API with a signed-in session (cookie plus CSRF token), for setting up accounts and checking results. */
export async function apiSession(url: string, username: string, password: string) {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username}: ${login.status} ${await login.text()}`);
  const session = (await login.json()) as { csrfToken: string; user: { regionCode: string } };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const send = async (method: string, pathname: string, body?: string | FormData, type?: string) => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      headers: { cookie, 'x-csrf-token': session.csrfToken, ...(type ? { 'content-type': type } : {}) },
      body,
    });
    if (!response.ok) throw new Error(`${method} ${pathname}: ${response.status} ${await response.text()}`);
    return response;
  };
  /** JSON in; JSON answers are parsed, anything else (a file download) is handed back as the response. */
  const call = async <T>(method: string, pathname: string, body?: unknown): Promise<T> => {
    const response = await send(
      method,
      pathname,
      body === undefined ? undefined : JSON.stringify(body),
      body === undefined ? undefined : 'application/json',
    );
    return (response.headers.get('content-type') ?? '').includes('json')
      ? ((await response.json()) as T)
      : (response as T);
  };
  return {
    call,
    cookie,
    regionCode: session.user.regionCode,
    download: async (pathname: string) => Buffer.from(await (await send('GET', pathname)).arrayBuffer()),
    /** A multipart upload of one file in the field `file`; the JSON answer. */
    upload: async (pathname: string, file: Buffer, fileName: string, type: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file)], { type }), fileName);
      return (await send('POST', pathname, form)).json();
    },
  };
}
