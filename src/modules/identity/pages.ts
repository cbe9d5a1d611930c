/**
 * The hub's own sign-in and consent pages: small server-rendered HTML, every value escaped, every form with
 * its CSRF token. No script, no external resource.
 */
import type { MemberAppScope } from '../../platform/auth/principal.js';

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const SCOPE_TEXT: Record<MemberAppScope, string> = {
  'balances:read': 'Read my coalition balances, at every brand',
  'history:read': 'Read my points history, at every brand',
  'points:convert': 'Convert my points between currencies',
  'points:redeem': 'Redeem my points at this partner',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

const errorLine = (error?: string) => (error ? `<p role="alert">${escapeHtml(error)}</p>` : '');

export function identifyPage(action: string, csrf: string, error?: string): string {
  return page(
    'Sign in to your coalition account',
    `${errorLine(error)}
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="identifier">E-mail address or phone number</label>
<input id="identifier" name="identifier" type="text" autocomplete="username" required maxlength="254">
<button type="submit">Send me a code</button>
</form>`,
  );
}

/** The same page whether or not the identifier belongs to a member. */
export function codePage(action: string, csrf: string, error?: string): string {
  return page(
    'Enter your sign-in code',
    `${errorLine(error)}
<p>If this e-mail address or phone number belongs to a member, we sent it a 6-digit code. It expires in a few minutes.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="code">Code</label>
<input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required pattern="[0-9]{6}" maxlength="6">
<button type="submit">Sign in</button>
</form>`,
  );
}

export function consentPage(action: string, csrf: string, appName: string, scopes: MemberAppScope[]): string {
  const items = scopes
    .map(
      (s) =>
        `<li><label><input type="checkbox" name="scope" value="${escapeHtml(s)}" checked> ${escapeHtml(SCOPE_TEXT[s])}</label></li>`,
    )
    .join('\n');
  return page(
    `Allow ${appName}?`,
    `<p>${escapeHtml(appName)} asks to act for you at the coalition hub. It already sees what its own brand knows of you. You can revoke this at any time.</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<ul>
${items}
</ul>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  );
}

export function messagePage(title: string, message: string): string {
  return page(title, `<p>${escapeHtml(message)}</p>`);
}
