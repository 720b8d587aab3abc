export type Credentials = {
  /** An API token: load requests carry only `Authorization: Bearer …`, as an integration client would. */
  token: string;
  /** `cc_session=…`, the browser's way in; GETs need no CSRF header. */
  cookie: string;
};

/** Signs in with the password, keeps the session cookie and mints an API token with it. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Credentials> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .find((pair) => pair?.startsWith('cc_session='));
  if (!cookie) throw new Error('login set no cc_session cookie');

  const created = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status} ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  return { token, cookie };
}
