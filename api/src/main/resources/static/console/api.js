// The public API, called with the browser's session: the CSRF token goes with every change.

export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }

  /** The field errors of a 400, as "field: detail" lines. */
  get fieldErrors() {
    return (this.body.errors || []).map((error) => `${error.field}: ${error.detail || error.code}`);
  }
}

/** The CSRF token the engine set as a cookie, for changes and forms. */
export function csrfToken() {
  const cookie = document.cookie.split('; ').find((part) => part.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

/** The sign-in page, which sends the browser back to this page once signed in. */
export function signIn() {
  location.assign(`/sign-in${location.hash}`);
}

function url(path, params) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([name, value]) => {
    (Array.isArray(value) ? value : [value])
      .filter((one) => one !== undefined && one !== null && one !== '')
      .forEach((one) => query.append(name, one));
  });
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

async function call(method, path, { params, body, headers } = {}) {
  const sent = { Accept: 'application/json', ...headers };
  if (method !== 'GET') {
    sent['X-XSRF-TOKEN'] = csrfToken();
  }
  if (body !== undefined && !(body instanceof FormData)) {
    sent['Content-Type'] = 'application/json';
  }
  const response = await fetch(url(path, params), {
    method,
    headers: sent,
    credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (response.status === 401) {
    signIn();
    throw new Problem(401, { title: 'Unauthenticated' });
  }
  const type = response.headers.get('Content-Type') || '';
  const read = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    throw new Problem(response.status, read);
  }
  return { status: response.status, headers: response.headers, body: read };
}

/** A GET's JSON body. */
export async function get(path, params) {
  return (await call('GET', path, { params })).body;
}

/** A change: POST, PUT, PATCH or DELETE; answers status, headers and body. */
export function send(method, path, body, headers) {
  return call(method, path, { body, headers });
}
