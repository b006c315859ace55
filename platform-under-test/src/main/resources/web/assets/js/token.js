// The review's bearer token: pasted once by the user, kept in this tab's sessionStorage (api.js), never in the page.
import {setToken, token} from './api.js';

export function tokenDialog() {
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('token-open').addEventListener('click', () => {
    input.value = token();
    dialog.showModal();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'save') setToken(input.value.trim());
    if (dialog.returnValue === 'clear') setToken('');
    input.value = '';
    markToken();
  });
  markToken();
}

export function markToken() {
  const b = document.getElementById('token-open');
  b.textContent = token() ? '审核令牌 ✓' : '审核令牌';
}

/** Opens the token dialog and resolves once it is closed, with whether a token is set. */
export function askToken() {
  return new Promise((resolve) => {
    const dialog = document.getElementById('token-dialog');
    dialog.addEventListener('close', () => resolve(Boolean(token())), {once: true});
    document.getElementById('token-open').click();
  });
}
