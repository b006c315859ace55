// The dashboard's only data source: the platform's REST API (docs/api.md). Reads are open; the review needs the
// bearer token, which the user pastes once and which stays in this tab's sessionStorage.

const TOKEN_KEY = 'pollwatt.apiToken';

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.message ? body.message : 'HTTP ' + status);
    this.status = status;
    this.code = body && body.code;
    this.field = body && body.field;
  }
}

async function request(method, path, body, auth) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) headers.Authorization = 'Bearer ' + token();
  const r = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await r.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    throw new ApiError(r.status, {message: '不是 JSON 应答: ' + text.slice(0, 80)});
  }
  if (!r.ok) throw new ApiError(r.status, json);
  return json;
}

/** GET path with query parameters (empty ones left out). */
export function get(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return request('GET', s ? path + '?' + s : path);
}

export function post(path, body) {
  return request('POST', path, body, true);
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(t) {
  if (t) sessionStorage.setItem(TOKEN_KEY, t);
  else sessionStorage.removeItem(TOKEN_KEY);
}
